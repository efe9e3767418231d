import type { SearchParams } from "nuqs/server";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { auditFilterOptions, listAuditEntries } from "@/lib/audit-log/list-audit-entries";
import { readerSettings } from "@/lib/format/server";
import { AuditEntries } from "@/components/audit/audit-entries";
import { AuditFilterBar } from "@/components/audit/audit-filter-bar";
import { loadAuditFilters } from "@/components/audit/audit-filters";
import { AuditPager } from "@/components/audit/audit-pager";

export const metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { fleetId } = await requirePage("audit");
  const [filters, { timeZone }] = await Promise.all([loadAuditFilters(searchParams), readerSettings()]);
  const [{ entries, page, hasMore }, options] = await Promise.all([
    listAuditEntries(
      fleetId,
      {
        action: filters.action,
        actorId: filters.actor,
        objectType: filters.object,
        from: filters.from,
        to: filters.to,
        page: filters.page,
      },
      timeZone,
    ),
    auditFilterOptions(fleetId),
  ]);
  const filtered = Boolean(filters.action || filters.actor || filters.object || filters.from || filters.to);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in this fleet: who did what to what, when, and what it was before."
      />
      <AuditFilterBar options={options} />
      {entries.length > 0 ? (
        <AuditEntries entries={entries} />
      ) : filtered ? (
        <EmptyState title="No entries match these filters">Choose another action, person or period.</EmptyState>
      ) : (
        <EmptyState title="Nothing recorded yet">Changes to this fleet will be listed here as they happen.</EmptyState>
      )}
      <AuditPager page={page} hasMore={hasMore} />
    </>
  );
}
