import type { ReactNode } from "react";

/** What an empty page or list says: what will be here, and what to do next. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
      <h2 className="text-base font-semibold">{title}</h2>
      {children && (
        <div className="mx-auto mt-2 max-w-prose text-sm text-slate-600 dark:text-slate-400">{children}</div>
      )}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
