"use client";
// Newer and older pages of the audit log, kept in the URL with the filters: the page's number and the cursor of
// the entry it starts after (older) or ends before (newer).
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useAuditFilters } from "./audit-filter-bar";

export function AuditPager({
  page,
  hasMore,
  older,
  newer,
}: {
  page: number;
  hasMore: boolean;
  older: string | null;
  newer: string | null;
}) {
  const t = useTranslations("audit.pager");
  const { setParams, pending } = useAuditFilters();
  if (page <= 1 && !hasMore) return null;
  // The first page is always the newest entries, with no cursor in the URL.
  const toNewer = () =>
    page <= 2 || !newer
      ? setParams({ page: null, before: null, after: null })
      : setParams({ page: page - 1, before: null, after: newer });
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center justify-between text-sm">
      <Button variant="secondary" size="sm" disabled={page <= 1 || pending} onClick={() => void toNewer()}>
        {t("newer")}
      </Button>
      <span>{t("page", { page })}</span>
      <Button
        variant="secondary"
        size="sm"
        disabled={!hasMore || pending}
        onClick={() => void setParams({ page: page + 1, before: older, after: null })}
      >
        {t("older")}
      </Button>
    </nav>
  );
}
