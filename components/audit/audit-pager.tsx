"use client";
// Newer and older pages of the audit log, kept in the URL with the filters.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useAuditFilters } from "./audit-filter-bar";

export function AuditPager({ page, hasMore }: { page: number; hasMore: boolean }) {
  const t = useTranslations("audit.pager");
  const { setParams, pending } = useAuditFilters();
  if (page <= 1 && !hasMore) return null;
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center justify-between text-sm">
      <Button
        variant="secondary"
        size="sm"
        disabled={page <= 1 || pending}
        onClick={() => void setParams({ page: page - 1 })}
      >
        {t("newer")}
      </Button>
      <span>{t("page", { page })}</span>
      <Button
        variant="secondary"
        size="sm"
        disabled={!hasMore || pending}
        onClick={() => void setParams({ page: page + 1 })}
      >
        {t("older")}
      </Button>
    </nav>
  );
}
