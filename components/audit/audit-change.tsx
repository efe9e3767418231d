// What an audit entry changed, field by field, in words: "Enabled: yes → no".
import { LocalTime } from "@/components/ui/local-time";

type Fields = Record<string, unknown>;

function fieldsOf(value: unknown): Fields {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : {};
}

/** "visualNumber" → "Visual number". */
function fieldName(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function FieldValue({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === "") return <>—</>;
  if (typeof value === "boolean") return <>{value ? "yes" : "no"}</>;
  if (typeof value === "string" && ISO_INSTANT.test(value)) return <LocalTime iso={value} />;
  // Codes such as OUTCOME_UNKNOWN read as words.
  if (typeof value === "string" && /^[A-Z][A-Z0-9_]+$/.test(value))
    return <>{value.replace(/_/g, " ").toLowerCase()}</>;
  if (Array.isArray(value)) return <>{value.length === 1 ? "1 item" : `${value.length} items`}</>;
  if (typeof value === "object") return <>{Object.keys(value).length} details</>;
  return <>{String(value)}</>;
}

export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const [old, now] = [fieldsOf(before), fieldsOf(after)];
  const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  if (keys.length === 0) return null;
  const both = before !== null && before !== undefined && after !== null && after !== undefined;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-400">Show the change</summary>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
        {keys.map((key) => (
          <div key={key} className="contents">
            <dt className="text-slate-500">{fieldName(key)}</dt>
            <dd className="break-words">
              {both && key in old ? (
                <>
                  <FieldValue value={old[key]} /> → <FieldValue value={now[key]} />
                </>
              ) : (
                <FieldValue value={key in now ? now[key] : old[key]} />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
