import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Fleets" };

export default async function Page() {
  await requirePage("fleets");
  return (
    <>
      <PageHeader title="Fleets" />
      <EmptyState title="Your fleets will be managed here">Create fleets, manage members and their roles, and issue invitation codes for drivers.</EmptyState>
    </>
  );
}
