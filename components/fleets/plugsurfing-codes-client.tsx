"use client";
// The active invitation codes Plugsurfing itself holds for the fleet, for drivers who join in its apps.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Spinner } from "@/components/ui/spinner";
import { listPlugsurfingCodesAction } from "@/lib/actions/invitations";
import { CopyButton } from "./copy-button-client";

export function PlugsurfingCodes({ fleetId }: { fleetId: string }) {
  const t = useTranslations("fleets.plugsurfing");
  const common = useTranslations("common");
  const codes = useQuery({
    queryKey: ["fleets", fleetId, "plugsurfing-codes"],
    queryFn: async () => {
      const result = await listPlugsurfingCodesAction({ fleetId });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
  if (codes.isPending) return <Spinner label={t("asking")} />;
  if (codes.isError) {
    return (
      <p className="text-sm text-red-600 dark:text-red-400">
        {codes.error.message}{" "}
        <button type="button" className="underline" onClick={() => codes.refetch()}>
          {common("actions.retry")}
        </button>
      </p>
    );
  }
  if (codes.data.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("listLabel")}>
      {codes.data.map((code) => (
        <li key={code} className="flex items-center gap-2">
          <code className="rounded bg-slate-100 px-2 py-1 font-mono dark:bg-slate-800">{code}</code>
          <CopyButton value={code} />
        </li>
      ))}
    </ul>
  );
}
