import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Reports" };

export default async function Page() {
  await requirePage("reports");
  return (
    <>
      <PageHeader title="Reports" />
      <EmptyState title="Cost reports will appear here">Costs by driver, fleet and month, energy and average cost per kWh, with CSV export.</EmptyState>
    </>
  );
}
