"use client";
// The buttons beside the key filters: which columns to show, the CSV of the filtered keys, a refresh from
// the providers, and (for admins) a new fleet key.
import type { ColumnDef, VisibilityState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { KeyRow } from "@/lib/keys/list-keys";

export function KeyTableActions({
  columns,
  columnVisibility,
  onColumnVisibilityChange,
  exportHref,
  refreshing,
  onRefresh,
  onNewKey,
}: {
  columns: ColumnDef<KeyRow>[];
  /** Hidden columns are `false`; the table (keys-table.tsx) shows the same. */
  columnVisibility: VisibilityState;
  onColumnVisibilityChange(next: VisibilityState): void;
  exportHref: string;
  refreshing: boolean;
  onRefresh(): void;
  /** Absent where the reader may not create keys. */
  onNewKey?: () => void;
}) {
  const t = useTranslations("keys");
  const common = useTranslations("common");
  return (
    <div className="flex flex-wrap gap-2 sm:ml-auto">
      <details className="relative">
        <summary className="inline-flex h-10 cursor-pointer items-center rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700">
          {t("actions.columns")}
        </summary>
        <div className="absolute left-0 z-10 mt-1 w-48 rounded-md border border-slate-200 bg-white p-2 shadow sm:left-auto sm:right-0 dark:border-slate-700 dark:bg-slate-900">
          {columns
            .filter((c) => c.id !== undefined && c.enableHiding !== false)
            .map((column) => {
              const id = column.id!;
              const visible = columnVisibility[id] !== false;
              return (
                <label key={id} className="flex items-center gap-2 py-1 text-sm">
                  <input
                    type="checkbox"
                    checked={visible}
                    onChange={(e) => onColumnVisibilityChange({ ...columnVisibility, [id]: e.target.checked })}
                  />
                  {String(column.header)}
                </label>
              );
            })}
        </div>
      </details>
      <a
        className="inline-flex h-10 items-center rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700"
        href={exportHref}
        download
      >
        {t("actions.exportCsv")}
      </a>
      <Button variant="secondary" loading={refreshing} onClick={onRefresh}>
        {common("actions.refresh")}
      </Button>
      {onNewKey && <Button onClick={onNewKey}>{t("actions.newKey")}</Button>}
    </div>
  );
}
