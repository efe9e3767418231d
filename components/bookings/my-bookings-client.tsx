"use client";
// A driver's bookings: where to go (name, address, coordinates, map link), when (at the charger's
// local time) and which token to use. Only bookings assigned to them reach this screen.
import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { BookingView } from "@/lib/bookings/records";
import { addressLine, chargerMapLink, coordinatesText, tokenInstructions } from "@/lib/bookings/presentation";
import { api } from "@/lib/api/contract";
import { apiGet, apiKey } from "@/lib/api/client";
import { listPollInterval } from "./api";
import { formatWindow } from "./format";
import { BookingStatusBadge } from "./status-badge";

export function MyBookings({ fleetId, initial }: { fleetId: string; initial: BookingView[] }) {
  const { data } = useQuery({
    queryKey: apiKey(api.bookings.mine, { fleetId }),
    queryFn: () => apiGet(api.bookings.mine, { fleetId }),
    initialData: { bookings: initial },
    refetchInterval: (q) => listPollInterval(q.state.data?.bookings) || 60_000,
  });
  if (data.bookings.length === 0) {
    return (
      <EmptyState title="No bookings assigned to you">
        When a dispatcher assigns you a charger booking, you will see where to go, when, and which charging key to use.
      </EmptyState>
    );
  }
  return (
    <ul className="space-y-3" aria-label="My bookings">
      {data.bookings.map((b) => (
        <li key={b.id} id={b.id} data-booking-id={b.id}>
          <Card className="space-y-1 text-sm">
            <div className="flex items-center justify-between gap-2">
              <p className="font-medium">{b.charger.name}</p>
              <BookingStatusBadge status={b.status} />
            </div>
            <p>{addressLine(b.charger) || "—"}</p>
            <p>
              {coordinatesText(b.charger) && <>{coordinatesText(b.charger)} · </>}
              <a className="underline" href={chargerMapLink(b.charger)} target="_blank" rel="noreferrer">
                Open map
              </a>
            </p>
            <p>
              {formatWindow(b.windowStart, b.windowEnd, b.charger.timeZone)} ({b.charger.timeZone})
            </p>
            <p className="font-medium">{tokenInstructions(b)}</p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
