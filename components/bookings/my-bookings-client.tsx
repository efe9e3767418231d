"use client";
// A driver's bookings: where to go (name, address, coordinates, directions), when (at the charger's local
// time, labelled with its zone), which token to use, and "Start charging" once the window is near.
// Only bookings assigned to them reach this screen.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { useFormat } from "@/components/ui/format-provider";
import type { BookingView } from "@/lib/bookings/records";
import { addressLine, coordinatesText } from "@/lib/bookings/presentation";
import type { StartOffer } from "@/lib/bookings/start-window";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey } from "@/lib/api/client";
import { listPollInterval } from "./api";
import { NavigationLinks } from "./navigation-links";
import { StartFromBooking } from "./start-from-booking-client";
import { BookingStatusBadge } from "./status-badge";

export function MyBookings({
  fleetId,
  initial,
  startOffers,
}: {
  fleetId: string;
  initial: BookingView[];
  /** By booking id, worked out when the page loaded. */
  startOffers: Record<string, StartOffer | null>;
}) {
  const f = useFormat();
  const t = useTranslations("bookings");
  const { data } = useQuery({
    queryKey: apiKey(api.bookings.mine, { fleetId }),
    queryFn: () => apiGet(api.bookings.mine, { fleetId }),
    initialData: { bookings: initial },
    refetchInterval: (q) => listPollInterval(q.state.data?.bookings) || 60_000,
  });
  /** Which token the driver shows at the charger, in plain words. */
  function tokenText(b: BookingView): string {
    switch (b.tokenStrategy) {
      case "GROUP_TOKEN":
        return b.fleetGroupId !== null
          ? t("mine.token.fleetGroup", { group: b.fleetGroupId })
          : t("mine.token.fleetGroupUnknown");
      case "DRIVER_TOKEN":
        if (b.tokenId) return t("mine.token.driverToken", { token: b.tokenId });
        return b.customerId !== null
          ? t("mine.token.driverCustomer", { customer: b.customerId })
          : t("mine.token.driverCustomerOnFile");
      case "RFID":
        return b.rfidValue ? t("mine.token.rfid", { tag: b.rfidValue }) : t("mine.token.rfidUnknown");
      case "AD_HOC":
        return t("mine.token.adHoc");
      default: {
        const unreachable: never = b.tokenStrategy;
        return unreachable;
      }
    }
  }

  if (data.bookings.length === 0) {
    return <EmptyState title={t("mine.emptyTitle")}>{t("mine.emptyText")}</EmptyState>;
  }
  return (
    <ul className="space-y-3" aria-label={t("mine.listLabel")}>
      {data.bookings.map((b) => {
        const coordinates = coordinatesText(b.charger);
        return (
          <li key={b.id} id={b.id} data-booking-id={b.id} className="space-y-3">
            <Card className="space-y-2 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium break-words">{b.charger.name}</p>
                <BookingStatusBadge status={b.status} />
              </div>
              <p data-testid="booking-window">{f.window(b.windowStart, b.windowEnd, b.charger.timeZone)}</p>
              {b.vehicle && (
                <p data-testid="booking-vehicle">
                  {t("mine.vehicle", {
                    vehicle: b.vehicle.name ? `${b.vehicle.plate} · ${b.vehicle.name}` : b.vehicle.plate,
                  })}
                </p>
              )}
              <p className="break-words">{addressLine(b.charger) || t("mine.addressUnknown")}</p>
              {coordinates && <p className="text-slate-600 dark:text-slate-400">{coordinates}</p>}
              <div className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">{t("mine.navigate")}</span>
                <NavigationLinks charger={b.charger} />
              </div>
              <p className="font-medium">{tokenText(b)}</p>
            </Card>
            <StartFromBooking fleetId={fleetId} booking={b} offer={startOffers[b.id] ?? null} />
          </li>
        );
      })}
    </ul>
  );
}
