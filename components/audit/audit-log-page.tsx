// The audit log page, in its two views: the fleet's changes, and the organisation's security log (sign-ins,
// failed sign-ins, lock-outs, password changes and refusals, which belong to no fleet). Filters and page in
// the URL; a CSV of everything the filters match.
import Link from "next/link";
import type { SearchParams } from "nuqs/server";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { auditFilterOptions, listAuditEntries, securityView, type AuditView } from "@/lib/audit-log/list-audit-entries";
import type { AuditExportInput } from "@/lib/audit-log/schemas";
import { readerSettings } from "@/lib/format/server";
import { AuditDownload } from "./audit-download";
import { AuditEntries } from "./audit-entries";
import { AuditFilterBar } from "./audit-filter-bar";
import { loadAuditFilters } from "./audit-filters";
import { AuditPager } from "./audit-pager";

const VIEWS = {
  fleet: { href: "/audit" },
  security: { href: "/audit/security" },
} as const;

function ViewTabs({ current }: { current: AuditExportInput["view"] }) {
  const t = useTranslations("audit.views");
  return (
    <nav aria-label={t("label")} className="mb-4 flex gap-1 border-b border-slate-200 dark:border-slate-800">
      {(Object.keys(VIEWS) as Array<keyof typeof VIEWS>).map((key) => (
        <Link
          key={key}
          href={VIEWS[key].href}
          aria-current={key === current ? "page" : undefined}
          className={clsx(
            "-mb-px border-b-2 px-3 py-2 text-sm",
            key === current
              ? "border-slate-900 font-medium dark:border-slate-100"
              : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100",
          )}
        >
          {t(`${key}.tab`)}
        </Link>
      ))}
    </nav>
  );
}

export async function AuditLogPage({
  fleetId,
  kind,
  searchParams,
}: {
  fleetId: string;
  kind: AuditExportInput["view"];
  searchParams: Promise<SearchParams>;
}) {
  const t = await getTranslations("audit");
  const view: AuditView = kind === "security" ? await securityView(fleetId) : { kind: "fleet", fleetId };
  const [filters, { timeZone }] = await Promise.all([loadAuditFilters(searchParams), readerSettings()]);
  const [{ entries, page, hasMore, older, newer }, options] = await Promise.all([
    listAuditEntries(
      view,
      {
        action: filters.action,
        actorId: filters.actor,
        objectType: filters.object,
        from: filters.from,
        to: filters.to,
        page: filters.page,
        before: filters.before,
        after: filters.after,
      },
      timeZone,
      t,
    ),
    auditFilterOptions(view, t),
  ]);
  const filtered = Boolean(filters.action || filters.actor || filters.object || filters.from || filters.to);
  return (
    <>
      <PageHeader
        title={kind === "security" ? t("securityTitle") : t("title")}
        description={t(`views.${kind}.description`)}
        actions={<AuditDownload fleetId={fleetId} view={kind} timeZone={timeZone} />}
      />
      <ViewTabs current={kind} />
      <AuditFilterBar options={options} />
      {entries.length > 0 ? (
        <AuditEntries entries={entries} />
      ) : filtered ? (
        <EmptyState title={t("empty.filteredTitle")}>{t("empty.filteredText")}</EmptyState>
      ) : (
        <EmptyState title={t("empty.title")}>{t(`views.${kind}.empty`)}</EmptyState>
      )}
      <AuditPager page={page} hasMore={hasMore} older={older} newer={newer} />
    </>
  );
}
