// The audit trail as a table, with before/after values folded away until asked for.
import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";

interface Entry {
  id: string;
  at: string;
  actor: string;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
}

export function AuditTable({ entries, page, hasMore }: { entries: Entry[]; page: number; hasMore: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            <th className="px-3 py-2">When</th>
            <th className="px-3 py-2">Who</th>
            <th className="px-3 py-2">What</th>
            <th className="px-3 py-2">Object</th>
            <th className="px-3 py-2">Change</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-slate-200 align-top dark:border-slate-800">
              <td className="whitespace-nowrap px-3 py-2">
                <LocalTime iso={e.at} />
              </td>
              <td className="px-3 py-2">{e.actor}</td>
              <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
              <td className="px-3 py-2">
                {e.objectType}
                {e.objectId && <span className="block font-mono text-xs text-slate-500">{e.objectId}</span>}
              </td>
              <td className="px-3 py-2">
                {(e.before !== null || e.after !== null) && (
                  <details>
                    <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-400">Show</summary>
                    <pre className="mt-1 max-w-md overflow-x-auto text-xs">
                      {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
                    </pre>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex justify-between p-3 text-sm">
        {page > 1 ? <Link href={`?page=${page - 1}`}>← Newer</Link> : <span />}
        {hasMore && <Link href={`?page=${page + 1}`}>Older →</Link>}
      </div>
    </div>
  );
}
