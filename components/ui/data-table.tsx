"use client";
// Renders a TanStack Table: sortable headers become buttons (with aria-sort), rows follow the visible columns.
import { flexRender, type Table } from "@tanstack/react-table";
import { cn } from "./cn";

export function DataTable<Row>({
  table,
  label,
  busy,
  cellClassName,
}: {
  table: Table<Row>;
  label: string;
  busy?: boolean;
  cellClassName?: string;
}) {
  return (
    <table className="w-full text-left text-sm" aria-label={label} aria-busy={busy}>
      <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  className="px-3 py-2"
                  aria-sort={sorted ? (sorted === "desc" ? "descending" : "ascending") : undefined}
                >
                  {header.column.getCanSort() && header.column.columnDef.header ? (
                    <button type="button" className="uppercase" onClick={header.column.getToggleSortingHandler()}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
                    </button>
                  ) : (
                    flexRender(header.column.columnDef.header, header.getContext())
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} className="border-t border-slate-200 dark:border-slate-800">
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id} className={cn("px-3 py-2", cellClassName)}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
