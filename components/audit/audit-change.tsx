// What an audit entry changed, field by field, in words: "Enabled: yes → no".
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";

type Fields = Record<string, unknown>;
type AuditWords = ReturnType<typeof useTranslations<"audit">>;

function fieldsOf(value: unknown): Fields {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : {};
}

/** "visualNumber" → "Visual number", unless the field has words of its own. */
function fieldName(t: AuditWords, key: string): string {
  if (/^\w+$/.test(key) && t.has(`change.fields.${key}`)) return t(`change.fields.${key}`);
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function FieldValue({ value, t }: { value: unknown; t: AuditWords }) {
  if (value === null || value === undefined || value === "") return <>—</>;
  if (typeof value === "boolean") return <>{value ? t("change.yes") : t("change.no")}</>;
  if (typeof value === "string" && ISO_INSTANT.test(value)) return <LocalTime iso={value} />;
  // Codes such as OUTCOME_UNKNOWN read as words.
  if (typeof value === "string" && /^[A-Z][A-Z0-9_]+$/.test(value)) {
    if (t.has(`change.codes.${value}`)) return <>{t(`change.codes.${value}`)}</>;
    return <>{value.replace(/_/g, " ").toLowerCase()}</>;
  }
  if (typeof value === "string" && /^[a-z]+$/.test(value) && t.has(`change.words.${value}`))
    return <>{t(`change.words.${value}`)}</>;
  if (Array.isArray(value)) return <>{t("change.items", { count: value.length })}</>;
  if (typeof value === "object") return <>{t("change.details", { count: Object.keys(value).length })}</>;
  return <>{String(value)}</>;
}

export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const t = useTranslations("audit");
  const [old, now] = [fieldsOf(before), fieldsOf(after)];
  const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  if (keys.length === 0) return null;
  const both = before !== null && before !== undefined && after !== null && after !== undefined;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-400">{t("change.show")}</summary>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
        {keys.map((key) => (
          <div key={key} className="contents">
            <dt className="text-slate-500">{fieldName(t, key)}</dt>
            <dd className="break-words">
              {both && key in old ? (
                <>
                  <FieldValue value={old[key]} t={t} /> → <FieldValue value={now[key]} t={t} />
                </>
              ) : (
                <FieldValue value={key in now ? now[key] : old[key]} t={t} />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
