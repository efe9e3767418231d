"use client";
// One DataTable row, and below it, when opened, the values of the columns the table's width hides.
import { flexRender, type Column, type Row as TableRow } from "@tanstack/react-table";
import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "./cn";
import { priorityClasses } from "./column-priority";

export function columnLabel<Row>(column: Column<Row, unknown>): string {
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === "string" && header ? header : column.id);
}

export function DataTableRow<Row>({
  row,
  detailsId,
  details,
  expanded,
  onToggle,
  cellClassName,
  rowLabel,
  rowAttributes,
}: {
  row: TableRow<Row>;
  detailsId: string;
  /** Classes that show the toggle and the details only while a column is hidden; null: no details. */
  details: string | null;
  expanded: boolean;
  onToggle(): void;
  cellClassName(column: Column<Row, unknown>, index: number): string;
  rowLabel?: (row: Row) => string;
  rowAttributes?: (row: Row) => Record<`data-${string}`, string>;
}) {
  const t = useTranslations("common.table");
  const cells = row.getVisibleCells();
  // Only the columns that can hide have an entry; each entry shows exactly while its column is hidden.
  const hideable = cells.filter((cell) => (cell.column.columnDef.meta?.priority ?? 1) > 1);
  const name = rowLabel?.(row.original);
  return (
    <>
      <tr className="border-t border-slate-200 dark:border-slate-800" {...rowAttributes?.(row.original)}>
        {cells.map((cell, index) => (
          <td key={cell.id} className={cellClassName(cell.column, index)}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ))}
        {details !== null && (
          <td className={cn("px-2 py-1 text-right", details)}>
            <button
              type="button"
              className="inline-flex rounded-md p-1.5 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
              aria-expanded={expanded}
              aria-controls={expanded ? detailsId : undefined}
              aria-label={name ? t("detailsFor", { name }) : t("details")}
              title={t("details")}
              onClick={onToggle}
            >
              <ChevronDown aria-hidden className={cn("size-4 transition-transform", expanded && "rotate-180")} />
            </button>
          </td>
        )}
      </tr>
      {details !== null && expanded && (
        <tr id={detailsId} className={cn("bg-slate-50 dark:bg-slate-950/40", details)}>
          <td colSpan={cells.length + 1} className="px-3 pb-3 pt-1">
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              {hideable.map((cell) => (
                <div
                  key={cell.id}
                  className={cn(
                    "col-span-2 grid grid-cols-subgrid",
                    priorityClasses(cell.column.columnDef.meta?.priority).detail,
                  )}
                >
                  <dt className="text-xs uppercase text-slate-500 dark:text-slate-400">{columnLabel(cell.column)}</dt>
                  <dd>{flexRender(cell.column.columnDef.cell, cell.getContext())}</dd>
                </div>
              ))}
            </dl>
          </td>
        </tr>
      )}
    </>
  );
}
