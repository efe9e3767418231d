"use client";
// Renders a TanStack Table that stays usable in any width: priority columns with row details, or a sideways scroll.
import { flexRender, type Column, type RowData, type Table } from "@tanstack/react-table";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { cn } from "./cn";
import { detailsClass, priorityClasses, type ColumnPriority } from "./column-priority";
import { columnLabel, DataTableRow } from "./data-table-row";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** When the table is narrow, lower priorities move into the row details first (see column-priority.ts). */
    priority?: ColumnPriority;
    /** The column's name where its header is not plain text (or is empty), for the row details. */
    label?: string;
    /** Extra classes on the column's cells. */
    className?: string;
  }
}

/**
 * `priority`: columns hide by their meta.priority as the table gets narrower, and a per-row Details button
 * shows what is hidden. `scroll`: every column stays, the table scrolls sideways and its first column sticks.
 */
export type DataTableLayout = "priority" | "scroll";

export function DataTable<Row>({
  table,
  label,
  busy,
  cellClassName,
  layout = "priority",
  rowLabel,
  rowAttributes,
}: {
  table: Table<Row>;
  label: string;
  busy?: boolean;
  cellClassName?: string;
  layout?: DataTableLayout;
  /** Names a row for its Details button ("Details for …"). */
  rowLabel?: (row: Row) => string;
  rowAttributes?: (row: Row) => Record<`data-${string}`, string>;
}) {
  const t = useTranslations("common.table");
  const id = useId();
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const columns = table.getVisibleLeafColumns();
  const details = layout === "priority" ? detailsClass(columns.map((c) => c.columnDef.meta?.priority)) : null;
  const sticky = layout === "scroll";
  const stickyClass =
    "sticky left-0 z-[1] shadow-[inset_-1px_0_0_var(--color-slate-200)] dark:shadow-[inset_-1px_0_0_var(--color-slate-800)]";
  const columnClass = (column: Column<Row, unknown>, index: number) =>
    cn(details !== null && priorityClasses(column.columnDef.meta?.priority).cell, sticky && index === 0 && stickyClass);

  return (
    // A scrolling region must be reachable by keyboard to be scrolled; the container sizes the priority columns.
    // Positioned, so that screen-reader-only labels in far columns are clipped with the table, not the page.
    <div
      className="@container relative overflow-x-auto"
      {...(sticky ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
    >
      <table className="w-full bg-white text-left text-sm dark:bg-slate-900" aria-label={label} aria-busy={busy}>
        <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header, index) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={cn(
                      "px-3 py-2",
                      columnClass(header.column, index),
                      sticky && index === 0 && "bg-slate-100 dark:bg-slate-800",
                    )}
                    aria-sort={sorted ? (sorted === "desc" ? "descending" : "ascending") : undefined}
                  >
                    {header.column.getCanSort() && header.column.columnDef.header ? (
                      <button type="button" className="uppercase" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
                      </button>
                    ) : header.column.columnDef.header ? (
                      flexRender(header.column.columnDef.header, header.getContext())
                    ) : (
                      <span className="sr-only">{columnLabel(header.column)}</span>
                    )}
                  </th>
                );
              })}
              {details !== null && (
                <th scope="col" className={cn("w-0 px-2 py-2", details)}>
                  <span className="sr-only">{t("details")}</span>
                </th>
              )}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <DataTableRow
              key={row.id}
              row={row}
              detailsId={`${id}-${row.id}`}
              details={details}
              expanded={details !== null && !!expanded[row.id]}
              onToggle={() => setExpanded((e) => ({ ...e, [row.id]: !e[row.id] }))}
              cellClassName={(column, index) =>
                cn(
                  "px-3 py-2",
                  cellClassName,
                  column.columnDef.meta?.className,
                  columnClass(column, index),
                  sticky && index === 0 && "bg-white dark:bg-slate-900",
                )
              }
              rowLabel={rowLabel}
              rowAttributes={rowAttributes}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
