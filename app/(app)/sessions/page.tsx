import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Sessions" };

export default async function Page() {
  await requirePage("sessions");
  return (
    <>
      <PageHeader title="Sessions" />
      <EmptyState title="Charging sessions will be listed here">Start and stop sessions, and look back at every session with its energy and cost.</EmptyState>
    </>
  );
}
