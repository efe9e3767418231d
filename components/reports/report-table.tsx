// The reports' tables: one frame, header row and empty row, so each report writes only its own cells.
import type { ReactNode } from "react";

export const CELL = "px-3 py-2";
export const ROW = "border-t border-slate-200 dark:border-slate-800";

export function ReportTable({
  label,
  headers,
  empty,
  children,
}: {
  label: string;
  headers: readonly string[];
  /** Said across the table when it has no rows (null: it has rows). */
  empty: string | null;
  /** The body's rows. */
  children: ReactNode;
}) {
  return (
    <div className="min-w-0 overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full whitespace-nowrap text-left text-sm" aria-label={label}>
        <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className={CELL}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {children}
          {empty !== null && (
            <tr>
              <td colSpan={headers.length} className={`${CELL} text-slate-500`}>
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
