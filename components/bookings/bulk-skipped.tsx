// What a bulk action leaves out of the selection, and why: one line per reason, with how many it skips.
import { useTranslations } from "next-intl";

export function BulkSkipped({ items }: { items: Array<{ text: string; count: number }> }) {
  const t = useTranslations("bookings");
  if (items.length === 0) return null;
  return (
    <div>
      <p className="font-medium">{t("bulk.skipped.title")}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {items.map(({ text, count }) => (
          <li key={text}>{t("bulk.skipped.line", { count, reason: text })}</li>
        ))}
      </ul>
    </div>
  );
}
