import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { listAuditEntries } from "@/lib/audit-log/list-audit-entries";
import { AuditTable } from "@/components/audit/audit-table";

export const metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { fleetId } = await requirePage("audit");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { entries, hasMore } = await listAuditEntries(fleetId, page);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in this fleet: who, what, when, and what it was before."
      />
      {entries.length === 0 ? (
        <EmptyState title="Nothing recorded yet">Changes to this fleet will be listed here as they happen.</EmptyState>
      ) : (
        <AuditTable entries={entries} page={page} hasMore={hasMore} />
      )}
    </>
  );
}
