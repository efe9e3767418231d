import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "My bookings" };

export default async function Page() {
  await requirePage("my-bookings");
  return (
    <>
      <PageHeader title="My bookings" />
      <EmptyState title="Bookings assigned to you will appear here">When a dispatcher assigns you a charger booking, you will see where to go, when, and which charging key to use.</EmptyState>
    </>
  );
}
