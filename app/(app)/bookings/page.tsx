import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Bookings" };

export default async function Page() {
  await requirePage("bookings");
  return (
    <>
      <PageHeader title="Bookings" />
      <EmptyState title="Your fleet's bookings will be listed here">Book chargers from the map or the booking wizard, assign them to drivers, and follow each one from request to completion.</EmptyState>
    </>
  );
}
