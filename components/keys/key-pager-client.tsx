"use client";
// Paging under the key table: how many keys match, and the previous and next page.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function KeyPager({
  total,
  page,
  pageSize,
  onPage,
}: {
  total: number | undefined;
  page: number;
  pageSize: number;
  onPage(page: number): void;
}) {
  const t = useTranslations("keys");
  const common = useTranslations("common");
  const pageCount = Math.max(1, Math.ceil((total ?? 0) / pageSize));
  return (
    <nav aria-label={t("pager.label")} className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <span>{total === undefined ? "" : t("pager.count", { count: total })}</span>
      <div className="flex items-center gap-2">
        <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t("pager.previous")}
        </Button>
        <span>{t("pager.page", { page, pageCount })}</span>
        <Button size="sm" variant="secondary" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          {common("actions.next")}
        </Button>
      </div>
    </nav>
  );
}
