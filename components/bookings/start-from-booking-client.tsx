"use client";
// "Start charging" for a confirmed booking whose window has begun (or is about to): the remote-start form
// for the booking's EVSE and driver, or in plain words why a start cannot work there now.
import { useTranslations } from "next-intl";
import { StartSessionForm } from "@/components/sessions/start-session-client";
import type { BookingView } from "@/lib/bookings/records";
import type { StartOffer } from "@/lib/bookings/start-window";

export function StartFromBooking({
  fleetId,
  booking,
  offer,
}: {
  fleetId: string;
  booking: BookingView;
  offer: StartOffer | null;
}) {
  const t = useTranslations("bookings");
  // The offer was worked out when the page loaded; once the booking moves on (charging, over), it lapses.
  if (!offer || booking.status !== "CONFIRMED") return null;
  const headingId = `start-${booking.id}`;
  return (
    <section aria-labelledby={headingId} className="space-y-2" data-testid="booking-start">
      <h2 id={headingId} className="text-sm font-semibold">
        {t("start.title")}
      </h2>
      {offer.canStart ? (
        <StartSessionForm
          fleetId={fleetId}
          provider={offer.provider}
          providerLabel={offer.providerLabel}
          restartGuardSeconds={offer.restartGuardSeconds}
          drivers={offer.drivers}
          connectors={offer.connectors}
          chargerName={booking.charger.name}
          preset={{
            driverId: offer.driverId,
            locationId: offer.locationId,
            evseUid: offer.evseId,
            bookingId: booking.id,
          }}
        />
      ) : (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-200" data-testid="booking-start-unavailable">
          {offer.reason}
        </p>
      )}
    </section>
  );
}
