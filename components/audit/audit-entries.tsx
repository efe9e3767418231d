// The audit trail as sentences, newest first: who did what to what, and when; the change folded away.
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEntryView } from "@/lib/audit-log/list-audit-entries";
import { AuditChange } from "./audit-change";

export function AuditEntries({ entries }: { entries: AuditEntryView[] }) {
  const t = useTranslations("audit");
  return (
    <ol
      aria-label={t("entries")}
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
    >
      {entries.map((e) => (
        <li key={e.id} className="px-3 py-2 text-sm" data-testid="audit-entry">
          <p>
            {e.sentence} <span className="text-slate-500 dark:text-slate-400">—</span>{" "}
            <span className="whitespace-nowrap text-slate-600 dark:text-slate-400">
              <LocalTime iso={e.at} />
            </span>
          </p>
          <AuditChange before={e.before} after={e.after} />
        </li>
      ))}
    </ol>
  );
}
