import { useTranslations } from "next-intl";

export function Spinner({ label }: { label?: string }) {
  const t = useTranslations("common.state");
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm text-slate-500">
      <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />
      {label ?? t("loading")}
    </span>
  );
}
