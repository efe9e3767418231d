"use client";
// The wizard's review: the charge point, the window at the charger, who charges, and the price of this very
// booking — asked of the provider for the chosen window, since the charger was found before it was known.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/ui/format-provider";
import { Spinner } from "@/components/ui/spinner";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey } from "@/lib/api/client";
import type { FleetDriver } from "@/lib/bookings/records";
import { PROVIDER_LABELS } from "@/lib/domain";
import { snapshotPrice } from "./charger-words";
import { useChargerWords } from "./use-charger-words";
import type { WizardValues } from "./wizard-form";

export function ReviewStep({ request, drivers }: { request: WizardValues; drivers: FleetDriver[] }) {
  const f = useFormat();
  const words = useChargerWords();
  const t = useTranslations("wizard");
  const { charger } = request;
  const driver = drivers.find((d) => d.id === request.driverId);
  const quote = useWindowQuote(request);
  const price = quote.evse ? snapshotPrice(quote.evse.charger) : { tariff: charger.tariff };

  return (
    <Card className="space-y-2 text-sm" aria-label={t("review.label")}>
      <p className="font-medium">{charger.name}</p>
      <p className="text-slate-600 dark:text-slate-400">{[charger.address, charger.city].filter(Boolean).join(", ")}</p>
      <p>
        {t("review.chargePoint", {
          chargePoint: charger.evseId ?? request.evseUid,
          connector: words.connector(charger),
        })}
      </p>
      <p>{f.window(request.windowStart, request.windowEnd, charger.timeZone)}</p>
      <p>
        {t(`strategy.${request.tokenStrategy}`)}
        {driver ? ` · ${driver.name}` : ""}
      </p>
      {quote.isLoading ? (
        <Spinner label={t("review.askingPrice")} />
      ) : (
        <p data-testid="review-price">{words.price(price, "thisBooking")}</p>
      )}
      <p className="text-xs text-slate-500">
        {t("review.bookedWith", { provider: PROVIDER_LABELS[request.provider] })}
      </p>
    </Card>
  );
}

/** The chosen charge point as the provider lists it for the chosen window, with its estimate for it. */
function useWindowQuote(request: WizardValues) {
  const { charger } = request;
  const params = {
    fleetId: request.fleetId,
    provider: request.provider,
    latitude: charger.latitude,
    longitude: charger.longitude,
    // Without its own position the charger is somewhere within the wizard's search, not next to its centre.
    radiusKm: charger.positionKnown === false ? 50 : 1,
    windowStart: request.windowStart,
    windowEnd: request.windowEnd,
  };
  const query = useQuery({
    queryKey: apiKey(api.bookings.searchChargers, params),
    refetchOnWindowFocus: false,
    retry: false,
    queryFn: ({ signal }) => apiGet(api.bookings.searchChargers, params, { signal }),
  });
  const evse = query.data?.locations
    .find((l) => l.locationId === request.locationId)
    ?.evses.find((e) => e.evseUid === request.evseUid);
  return { isLoading: query.isLoading, evse };
}
