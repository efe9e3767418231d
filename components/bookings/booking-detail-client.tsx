"use client";
// One booking, live: status, charger and how to get there, window, who charges, assignment to a driver,
// "Start charging" once its window is near, its automatic re-booking, and the status timeline.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/ui/format-provider";
import { Spinner } from "@/components/ui/spinner";
import { eventSourceOf } from "@/lib/bookings/event-source";
import { addressLine } from "@/lib/bookings/presentation";
import type { BookingEventView, BookingView, FleetDriver, RebookView } from "@/lib/bookings/records";
import type { StartOffer } from "@/lib/bookings/start-window";
import { pollIntervalMs } from "@/lib/bookings/state-machine";
import { PROVIDER_LABELS } from "@/lib/domain";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey } from "@/lib/api/client";
import { AssignDriver } from "./assign-driver-client";
import { CancelBookingButton } from "./cancel-button-client";
import { NavigationLinks } from "./navigation-links";
import { RebookStatus } from "./rebook-status";
import { StartFromBooking } from "./start-from-booking-client";
import { UnknownOutcomeChoices } from "./unknown-outcome-client";
import { BookingStatusBadge } from "./status-badge";

type Detail = { booking: BookingView; events: BookingEventView[]; rebook: RebookView | null };

export function BookingDetail({
  fleetId,
  bookingId,
  drivers,
  initial,
  startOffer,
}: {
  fleetId: string;
  bookingId: string;
  drivers: Pick<FleetDriver, "id" | "name">[];
  initial: Detail;
  startOffer: StartOffer | null;
}) {
  const f = useFormat();
  const t = useTranslations("bookings");
  const common = useTranslations("common");
  const query = useQuery({
    queryKey: apiKey(api.bookings.detail, { fleetId, bookingId }),
    queryFn: () => apiGet(api.bookings.detail, { fleetId, bookingId }),
    initialData: initial,
    // A booking that fell through and is owed a replacement is watched until the replacement is there.
    refetchInterval: (q) =>
      !q.state.data ? 2_000 : q.state.data.rebook?.owed ? 5_000 : pollIntervalMs(q.state.data.booking.status),
  });
  const { booking, events, rebook } = query.data;
  const fee = !booking.feeMinor
    ? null
    : booking.currency
      ? t("detail.fee", { fee: f.money(booking.feeMinor, booking.currency) })
      : t("detail.feeWithoutCurrency");

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">
        <Card className="space-y-3">
          <div className="flex flex-wrap items-center gap-2">
            <span data-testid="booking-status">
              <BookingStatusBadge status={booking.status} />
            </span>
            {booking.needsAttention && (
              <span className="text-sm font-medium text-red-700 dark:text-red-300">{t("detail.needsAttention")}</span>
            )}
            {query.isFetching && <Spinner label={t("detail.checking")} />}
          </div>
          {booking.lastError && booking.status !== "OUTCOME_UNKNOWN" && (
            <p className="text-sm text-amber-700 dark:text-amber-300">{booking.lastError}</p>
          )}
          <UnknownOutcomeChoices fleetId={fleetId} booking={booking} />
          {fee && <p className="text-sm text-red-700 dark:text-red-300">{fee}</p>}
          <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("detail.charger")}</dt>
            <dd>{booking.charger.name}</dd>
            <dt className="text-slate-500">{t("detail.address")}</dt>
            <dd>{addressLine(booking.charger) || "—"}</dd>
            <dt className="text-slate-500">{t("detail.navigate")}</dt>
            <dd>
              <NavigationLinks charger={booking.charger} />
            </dd>
            <dt className="text-slate-500">{t("detail.chargePoint")}</dt>
            <dd>{booking.charger.evseId ?? booking.evseUid}</dd>
            <dt className="text-slate-500">{t("detail.window")}</dt>
            <dd data-testid="booking-window">
              {f.window(booking.windowStart, booking.windowEnd, booking.charger.timeZone)}
            </dd>
            <dt className="text-slate-500">{t("detail.provider")}</dt>
            <dd>
              {PROVIDER_LABELS[booking.provider]} {booking.providerBookingId ? `· ${booking.providerBookingId}` : ""}
            </dd>
            <dt className="text-slate-500">{t("detail.price")}</dt>
            <dd>{f.money(booking.priceMinor, booking.currency)}</dd>
            <dt className="text-slate-500">{t("detail.driver")}</dt>
            <dd data-testid="assigned-driver">{booking.assignedDriver?.name ?? t("detail.unassigned")}</dd>
            {booking.vehicle && (
              <>
                <dt className="text-slate-500">{t("detail.vehicle")}</dt>
                <dd data-testid="booking-vehicle">
                  {booking.vehicle.name ? `${booking.vehicle.plate} · ${booking.vehicle.name}` : booking.vehicle.plate}
                </dd>
              </>
            )}
          </dl>
          <RebookStatus rebook={rebook} />
          <div className="flex flex-wrap items-end gap-4">
            <AssignDriver fleetId={fleetId} booking={booking} drivers={drivers} />
            <CancelBookingButton fleetId={fleetId} booking={booking} />
          </div>
        </Card>
        <StartFromBooking fleetId={fleetId} booking={booking} offer={startOffer} />
      </div>
      <Card>
        <h2 className="mb-3 text-sm font-semibold">{t("detail.timeline")}</h2>
        <ol className="space-y-3" aria-label={t("detail.timelineLabel")}>
          {events.map((e) => (
            <li key={e.id} className="text-sm">
              <span className="font-medium">{common(`bookingStatus.${e.status}`)}</span>{" "}
              <span className="text-slate-500">
                <time dateTime={e.at}>{f.dateTime(e.at)}</time> · {t(`detail.sources.${eventSourceOf(e.source)}`)}
              </span>
              {e.note && <div className="text-xs text-slate-500">{e.note}</div>}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
