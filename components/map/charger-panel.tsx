"use client";
// The selected charger: where it is, when it is open (in its own time zone), each EVSE with its
// connectors and capabilities, prices (the fleet's own where offered), and Book / Start session.
import { useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { X } from "lucide-react";
import {
  EVSE_STATUSES,
  type ChargingLocation,
  PROVIDER_LABELS,
  hasCapability,
  type Connector,
  type EvseStatus,
  type OpeningTimes,
  type PriceEstimate,
  type ProviderName,
} from "@/lib/domain";
import { bookingHref, startSessionHref } from "@/lib/search/map-url";
import { openingStateAt, weeklyHours } from "@/lib/search/opening-hours";
import type { ChargerResult, EvseOffer, MergedEvse } from "@/lib/search/types";
import { startAvailability } from "@/lib/sessions/start-availability";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/components/ui/cn";
import { useFormat } from "@/components/ui/format-provider";
import { useChargerWords } from "@/components/bookings/use-charger-words";
import { connectorName } from "@/lib/domain/labels";
import { AVAILABILITY_TONES } from "./availability";
import { useChargerDetails } from "./queries";

// The history loads on its own, only when the dispatcher asks for it: the map's bundle does not carry it.
const PriceHistory = dynamic(() => import("./price-history-client").then((m) => m.PriceHistory), {
  ssr: false,
  loading: () => <Spinner />,
});

const STATUS_TONES: Partial<Record<MergedEvse["status"], BadgeTone>> = {
  AVAILABLE: "success",
  CHARGING: "warning",
  RESERVED: "warning",
  BLOCKED: "warning",
  OUTOFORDER: "danger",
  INOPERATIVE: "danger",
};

/** Statuses OCPI added later read as unknown, never as a code. */
function knownStatus(status: string): EvseStatus {
  return (EVSE_STATUSES as readonly string[]).includes(status) ? (status as EvseStatus) : "UNKNOWN";
}

const LINK = "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium transition-colors";

/** The provider's own connector id for the connector shown (ids differ between providers). */
function connectorIdFor(offer: EvseOffer, connector: Connector, index: number): string {
  const same = offer.connectors.find((c) => c.standard === connector.standard && c.powerType === connector.powerType);
  return (same ?? offer.connectors[index] ?? offer.connectors[0] ?? connector).id;
}

/** Whether the location has regular hours on an OCPI weekday (1 = Monday … 7 = Sunday). */
function openOn(openingTimes: OpeningTimes, weekday: number): boolean {
  return openingTimes.regularHours.some((h) => h.weekday === weekday);
}

function PriceLine({ provider, price }: { provider: ProviderName; price?: PriceEstimate }) {
  const words = useChargerWords();
  if (!price) return null;
  return (
    <p className="text-sm" data-testid="price-line">
      <span className="block text-xs text-slate-500">{PROVIDER_LABELS[provider]}</span>
      <span data-testid="price">{words.price(price, "aBooking")}</span>
    </p>
  );
}

/** The EVSE's status in the location fetched for the panel (fresh from its provider), if it is there. */
function freshStatus(
  evse: MergedEvse,
  source: { provider: ProviderName; locationId: string } | null,
  fresh: ChargingLocation | undefined,
): EvseStatus | undefined {
  if (!source || !fresh) return undefined;
  const offer = evse.offers.find((o) => o.provider === source.provider && o.locationId === source.locationId);
  return offer ? fresh.evses.find((e) => e.uid === offer.evseUid)?.status : undefined;
}

export function ChargerPanel({
  charger,
  fleetId,
  window,
  onClose,
}: {
  charger: ChargerResult;
  fleetId: string;
  window?: { start: string; end: string };
  onClose(): void;
}) {
  const f = useFormat();
  const t = useTranslations("map");
  const common = useTranslations("common");
  // A provider that prices per fleet is asked for this location with the fleet's id.
  const priced = charger.sources.find((s) => hasCapability(s.provider, "fleetPricing")) ?? null;
  const details = useChargerDetails(fleetId, priced);
  const prices = charger.sources.map((s) =>
    s.provider === priced?.provider && s.locationId === priced.locationId && details.data?.location.price
      ? { provider: s.provider, price: details.data.location.price }
      : { provider: s.provider, price: s.price },
  );
  const [showHistory, setShowHistory] = useState(false);
  const { openingTimes } = charger;
  const opening = openingStateAt(openingTimes, charger.timeZone, new Date());

  return (
    <section
      aria-label={t("panel.label", { name: charger.name })}
      className="flex h-full flex-col overflow-y-auto"
      data-testid="charger-panel"
    >
      <header className="flex items-start justify-between gap-2 border-b border-slate-200 p-4 dark:border-slate-800">
        <div className="min-w-0">
          <h2 className="text-base font-semibold">{charger.name}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {[charger.address, [charger.postalCode, charger.city].filter(Boolean).join(" ")].filter(Boolean).join(", ")}
          </p>
          <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
            <Badge tone={AVAILABILITY_TONES[charger.availability]}>{t(`availability.${charger.availability}`)}</Badge>
            {charger.operatorName && <span>{charger.operatorName}</span>}
            <span>· {t("panel.fromCentre", { distance: f.distance(charger.distanceM) })}</span>
          </p>
        </div>
        <button
          onClick={onClose}
          className="rounded-md px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          aria-label={t("panel.close")}
        >
          <X className="size-4" aria-hidden />
        </button>
      </header>

      <div className="space-y-4 p-4">
        <div>
          <h3 className="text-sm font-semibold">
            {t("panel.openingHours")}{" "}
            {opening !== "unknown" && (
              <Badge tone={opening === "open" ? "success" : "neutral"}>
                {opening === "open" ? t("panel.openNow") : t("panel.closedNow")}
              </Badge>
            )}
          </h3>
          {!openingTimes ? (
            <p className="text-sm text-slate-500">{t("panel.hoursNotPublished")}</p>
          ) : openingTimes.twentyFourSeven ? (
            <p className="text-sm">{t("panel.open247")}</p>
          ) : (
            <dl className="mt-1 grid grid-cols-[3rem_1fr] gap-x-2 text-sm">
              {weeklyHours(openingTimes).map(([day, hours], index) => (
                <div key={day} className="contents">
                  <dt className="text-slate-500">{t(`panel.weekdays.${day}`)}</dt>
                  <dd>{openOn(openingTimes, index + 1) ? hours : t("panel.closed")}</dd>
                </div>
              ))}
            </dl>
          )}
          <p className="mt-1 text-xs text-slate-500">{t("panel.localTime", { timeZone: charger.timeZone })}</p>
        </div>

        <div className="space-y-1">
          <h3 className="text-sm font-semibold">{t("panel.price")}</h3>
          {details.isLoading && <Spinner label={t("panel.loadingFleetPrice")} />}
          {prices.some((p) => p.price) ? (
            prices.map((p) => <PriceLine key={p.provider} provider={p.provider} price={p.price} />)
          ) : (
            <p className="text-sm text-slate-500">{t("panel.noPrice")}</p>
          )}
        </div>

        <div className="space-y-1">
          <h3 className="text-sm font-semibold">{t("priceHistory.title")}</h3>
          {showHistory ? (
            <>
              <p className="text-xs text-slate-500">{t("priceHistory.explanation")}</p>
              {charger.sources.map((s) => (
                <PriceHistory key={`${s.provider}-${s.locationId}`} fleetId={fleetId} source={s} />
              ))}
            </>
          ) : (
            <button type="button" className="text-sm underline" onClick={() => setShowHistory(true)}>
              {t("priceHistory.show")}
            </button>
          )}
        </div>

        <div>
          <h3 className="text-sm font-semibold">{t("panel.chargePoints", { count: charger.evses.length })}</h3>
          <ul className="mt-2 space-y-3">
            {charger.evses.map((evse) => {
              // The freshest status decides: the location fetched for this panel, else the search's (which may
              // be kept for hours); a start on an EVSE in use fails after a while.
              const status = freshStatus(evse, priced, details.data?.location) ?? evse.status;
              const remoteStart = evse.offers.some((o) => o.remoteStart);
              const start = startAvailability({ status, remoteStart });
              return (
                <li
                  key={evse.evseId || evse.offers[0].evseUid}
                  data-testid="evse"
                  className={cn(
                    "rounded-md border border-slate-200 p-3 dark:border-slate-800",
                    !evse.matchesFilters && "opacity-60",
                  )}
                >
                  <div className="flex items-center justify-between gap-2">
                    <span className="font-mono text-xs">{evse.evseId || evse.offers[0].evseUid}</span>
                    <Badge tone={STATUS_TONES[status] ?? "neutral"} data-testid="evse-status">
                      {common(`evseStatus.${knownStatus(status)}`)}
                    </Badge>
                  </div>
                  <div className="mt-1 flex flex-wrap gap-1">
                    {evse.offers.some((o) => o.reservable) && <Badge tone="info">{t("panel.reservable")}</Badge>}
                    {evse.offers.some((o) => o.remoteStart) && <Badge tone="info">{t("panel.remoteStart")}</Badge>}
                    {!evse.matchesFilters && (
                      <span className="text-xs text-slate-500">{t("panel.notMatchingFilters")}</span>
                    )}
                  </div>
                  {!start.canStart && (
                    <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="start-not-offered">
                      {t(`panel.startNotOffered.${remoteStart ? knownStatus(status) : "noRemoteStart"}`)}
                    </p>
                  )}
                  <ul className="mt-2 space-y-2">
                    {evse.connectors.map((connector, index) => (
                      <li key={`${connector.id}-${index}`} className="text-sm">
                        <div className="flex flex-wrap items-center gap-2">
                          <span className="font-medium">{connectorName(common, connector.standard)}</span>
                          <span>{f.power(connector.powerKw)}</span>
                          <span className="text-slate-500">{t("panel.current", { current: connector.powerType })}</span>
                        </div>
                        <div className="mt-1 flex flex-wrap gap-2">
                          {evse.offers.map((offer) => (
                            <span key={`${offer.provider}-${offer.evseUid}`} className="contents">
                              {offer.reservable && (
                                <Link
                                  href={bookingHref(
                                    offer,
                                    connectorIdFor(offer, connector, index),
                                    fleetId,
                                    window,
                                    charger,
                                  )}
                                  className={cn(LINK, "bg-brand-600 text-white hover:bg-brand-700")}
                                >
                                  {evse.offers.filter((o) => o.reservable).length > 1
                                    ? t("panel.bookVia", { provider: PROVIDER_LABELS[offer.provider] })
                                    : t("panel.book")}
                                </Link>
                              )}
                              {offer.remoteStart && start.canStart && (
                                <Link
                                  href={startSessionHref(offer, connectorIdFor(offer, connector, index))}
                                  className={cn(
                                    LINK,
                                    "border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800",
                                  )}
                                >
                                  {t("panel.startSession")}
                                </Link>
                              )}
                            </span>
                          ))}
                        </div>
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </section>
  );
}
