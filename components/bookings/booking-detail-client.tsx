"use client";
// One booking, live: status, charger, window, who charges, assignment to a driver and the status timeline.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { Spinner } from "@/components/ui/spinner";
import { assignBookingAction } from "@/lib/actions/bookings";
import type { BookingEventView, BookingView, FleetDriver } from "@/lib/bookings/records";
import { isFinal, pollIntervalMs } from "@/lib/bookings/state-machine";
import { PROVIDER_LABELS } from "@/lib/domain";
import { api } from "@/lib/api/contract";
import { apiGet, apiKey } from "@/lib/api/client";
import { CancelBookingButton } from "./cancel-button-client";
import { UnknownOutcomeChoices } from "./unknown-outcome-client";
import { formatMinor, formatWindow } from "./format";
import { BookingStatusBadge, STATUS_LABELS } from "./status-badge";

type Detail = { booking: BookingView; events: BookingEventView[] };

export function BookingDetail({
  fleetId,
  bookingId,
  drivers,
  initial,
}: {
  fleetId: string;
  bookingId: string;
  drivers: Pick<FleetDriver, "id" | "name">[];
  initial: Detail;
}) {
  const query = useQuery({
    queryKey: apiKey(api.bookings.detail, { fleetId, bookingId }),
    queryFn: () => apiGet(api.bookings.detail, { fleetId, bookingId }),
    initialData: initial,
    refetchInterval: (q) => (q.state.data ? pollIntervalMs(q.state.data.booking.status) : 2_000),
  });
  const { booking, events } = query.data;
  const fee = formatMinor(booking.feeMinor, booking.currency);

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="space-y-3 lg:col-span-2">
        <div className="flex flex-wrap items-center gap-2">
          <span data-testid="booking-status">
            <BookingStatusBadge status={booking.status} />
          </span>
          {booking.needsAttention && (
            <span className="text-sm font-medium text-red-700 dark:text-red-300">Needs attention</span>
          )}
          {query.isFetching && <Spinner label="Checking…" />}
        </div>
        {booking.lastError && booking.status !== "OUTCOME_UNKNOWN" && (
          <p className="text-sm text-amber-700 dark:text-amber-300">{booking.lastError}</p>
        )}
        <UnknownOutcomeChoices fleetId={fleetId} booking={booking} />
        {fee && <p className="text-sm text-red-700 dark:text-red-300">The provider reported a fee of {fee}.</p>}
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">Charger</dt>
          <dd>{booking.charger.name}</dd>
          <dt className="text-slate-500">Address</dt>
          <dd>
            {[booking.charger.address, booking.charger.postalCode, booking.charger.city].filter(Boolean).join(", ") ||
              "—"}
          </dd>
          <dt className="text-slate-500">Charge point</dt>
          <dd>{booking.charger.evseId ?? booking.evseUid}</dd>
          <dt className="text-slate-500">Window</dt>
          <dd>
            {formatWindow(booking.windowStart, booking.windowEnd, booking.charger.timeZone)} ({booking.charger.timeZone}
            )
          </dd>
          <dt className="text-slate-500">Provider</dt>
          <dd>
            {PROVIDER_LABELS[booking.provider]} {booking.providerBookingId ? `· ${booking.providerBookingId}` : ""}
          </dd>
          <dt className="text-slate-500">Price</dt>
          <dd>{formatMinor(booking.priceMinor, booking.currency) ?? "—"}</dd>
          <dt className="text-slate-500">Driver</dt>
          <dd data-testid="assigned-driver">{booking.assignedDriver?.name ?? "Unassigned"}</dd>
        </dl>
        <div className="flex flex-wrap items-end gap-4">
          <AssignDriver fleetId={fleetId} booking={booking} drivers={drivers} />
          <CancelBookingButton fleetId={fleetId} booking={booking} />
        </div>
      </Card>
      <Card>
        <h2 className="mb-3 text-sm font-semibold">Timeline</h2>
        <ol className="space-y-3" aria-label="Status timeline">
          {events.map((e) => (
            <li key={e.id} className="text-sm">
              <span className="font-medium">{STATUS_LABELS[e.status]}</span>{" "}
              <span className="text-slate-500">
                <LocalTime iso={e.at} /> · {e.source}
              </span>
              {e.note && <div className="text-xs text-slate-500">{e.note}</div>}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}

function AssignDriver({
  fleetId,
  booking,
  drivers,
}: {
  fleetId: string;
  booking: BookingView;
  drivers: Pick<FleetDriver, "id" | "name">[];
}) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  // Only fleet-paid bookings change hands, and only while they are not over (the server checks the same).
  const assignable =
    (booking.tokenStrategy === "GROUP_TOKEN" || booking.tokenStrategy === "AD_HOC") && !isFinal(booking.status);
  if (!assignable) return null;

  function assign(driverId: string) {
    setError(undefined);
    startTransition(async () => {
      const result = await assignBookingAction({ fleetId, bookingId: booking.id, driverId: driverId || null });
      if (!result.ok) setError(result.error.fieldErrors?.driverId?.[0] ?? result.error.message);
      await queryClient.invalidateQueries({ queryKey: ["bookings"] });
    });
  }

  return (
    <div className="min-w-56">
      <SelectField
        label="Assign to driver"
        value={booking.assignedDriver?.id ?? ""}
        disabled={pending}
        onChange={(e) => assign(e.target.value)}
        error={error}
      >
        <option value="">Nobody</option>
        {drivers.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
