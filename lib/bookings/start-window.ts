// When a booking's driver may start charging from the dashboard: a CONFIRMED booking, from shortly before its
// window until its end. What a start offers (or why there is none) travels to the screens as a StartOffer.
import type { BookingStatus, ProviderName } from "@/lib/domain";

/** A driver who is early may start this long before the window; the charger is often free by then. */
export const START_LEAD_MS = 15 * 60_000;

export type StartWindow = "not-now" | "too-early" | "open";

export function startWindow(
  booking: { status: BookingStatus; windowStart: string; windowEnd: string },
  now: number = Date.now(),
): StartWindow {
  if (booking.status !== "CONFIRMED" || now >= Date.parse(booking.windowEnd)) return "not-now";
  return now < Date.parse(booking.windowStart) - START_LEAD_MS ? "too-early" : "open";
}

export interface StartOfferConnector {
  connectorId: string;
  evseUid: string;
  evseId: string;
  label: string;
  unavailableReason?: string;
}

/** A remote start a booking's screen can offer, or the plain reason why a start cannot work now. */
export type StartOffer =
  | {
      canStart: true;
      provider: ProviderName;
      providerLabel: string;
      restartGuardSeconds: number;
      /** The EVSE's location at the starting provider (which may differ from the booking's provider). */
      locationId: string;
      evseId: string;
      connectors: StartOfferConnector[];
      drivers: Array<{ id: string; name: string; hasProviderUser: boolean }>;
      driverId?: string;
    }
  | { canStart: false; reason: string };
