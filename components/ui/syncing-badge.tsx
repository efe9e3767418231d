// "Syncing": a change reached the charging provider and the dashboard is still catching up (lib/provider-sync).
import { useTranslations } from "next-intl";
import { Badge } from "./badge";

export function SyncingBadge({ className }: { className?: string }) {
  const t = useTranslations("common.syncing");
  const explanation = t("explanation");
  return (
    <Badge tone="info" title={explanation} className={className}>
      {t("label")}
      <span className="sr-only"> – {explanation}</span>
    </Badge>
  );
}
