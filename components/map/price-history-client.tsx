"use client";
// A charger's price history on its panel, loaded only when asked for: each of the fleet's bookings at the
// location, newest first, with the estimate shown when it was booked and the final price of its session.
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Spinner } from "@/components/ui/spinner";
import { useFormat } from "@/components/ui/format-provider";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey } from "@/lib/api/client";
import type { ProviderName } from "@/lib/domain";

export function PriceHistory({
  fleetId,
  source,
}: {
  fleetId: string;
  source: { provider: ProviderName; locationId: string };
}) {
  const t = useTranslations("map");
  const f = useFormat();
  const params = { fleetId, ...source };
  const history = useQuery({
    queryKey: apiKey(api.chargers.priceHistory, params),
    staleTime: 60_000,
    queryFn: ({ signal }) => apiGet(api.chargers.priceHistory, params, { signal }),
  });
  if (history.isLoading) return <Spinner label={t("priceHistory.loading")} />;
  if (history.isError) return <p className="text-sm text-red-700">{history.error.message}</p>;
  const observations = history.data?.observations ?? [];
  if (observations.length === 0) return <p className="text-sm text-slate-500">{t("priceHistory.empty")}</p>;
  return (
    <ol className="space-y-1 text-sm" aria-label={t("priceHistory.label")} data-testid="price-history">
      {observations.map((o) => (
        <li key={o.bookingId} className="border-b border-slate-100 pb-1 last:border-0 dark:border-slate-800">
          <span className="text-xs text-slate-500">
            {f.dateTime(o.at)} · <span className="font-mono">{o.evseUid}</span>
          </span>
          <br />
          {!o.estimate
            ? t("priceHistory.noEstimate")
            : o.estimate.perKwhMinor === null
              ? t("priceHistory.estimate", { amount: f.money(o.estimate.amountMinor, o.estimate.currency) })
              : t("priceHistory.estimateAt", {
                  amount: f.money(o.estimate.amountMinor, o.estimate.currency),
                  rate: f.rate(o.estimate.perKwhMinor, o.estimate.currency, "kWh"),
                })}
          {" · "}
          {!o.final
            ? t("priceHistory.noFinal")
            : o.final.perKwhMinor === null
              ? t("priceHistory.final", { amount: f.money(o.final.amountMinor, o.final.currency) })
              : t("priceHistory.finalFor", {
                  amount: f.money(o.final.amountMinor, o.final.currency),
                  energy: f.energy(o.final.energyWh),
                  rate: f.rate(o.final.perKwhMinor, o.final.currency, "kWh"),
                })}
        </li>
      ))}
    </ol>
  );
}
