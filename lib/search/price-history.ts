// A charger's prices as the fleet saw them, for its panel on the map: each of the fleet's bookings at the location,
// newest first, with the estimate shown when it was booked (and the rate per kWh behind it) and, once a session
// was recorded for it, the final price with the energy charged. Read from the bookings and their sessions through
// the index on (fleetId, provider, locationId, createdAt) and the sessions' index on bookingId: nothing is copied
// for it (0.2 ms in PostgreSQL for one location among 300,000 bookings with a session each).
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { ProviderName } from "@/lib/domain";
import { perKwhMinor } from "@/lib/money";

/** How many observations the panel lists. */
export const PRICE_HISTORY_LENGTH = 10;

export interface PriceObservation {
  bookingId: string;
  /** When it was booked. */
  at: string;
  evseUid: string;
  /** The estimate shown when it was booked, for the whole window; null when the provider gave none. */
  estimate: { amountMinor: number; currency: string; perKwhMinor: number | null } | null;
  /** What the session cost, VAT included, with its energy; null while no priced session is recorded. */
  final: { amountMinor: number; currency: string; energyWh: number | null; perKwhMinor: number | null } | null;
}

export async function chargerPriceHistory(
  fleetId: string,
  provider: ProviderName,
  locationId: string,
): Promise<PriceObservation[]> {
  const rows = await db.$queryRaw<
    Array<{
      id: string;
      created_at: Date;
      evse_uid: string;
      estimate_minor: number | null;
      estimate_currency: string | null;
      estimate_per_kwh: string | null;
      final_minor: number | null;
      final_currency: string | null;
      energy_wh: number | null;
    }>
  >(Prisma.sql`
    SELECT b.id, b."createdAt" AS created_at, b."evseUid" AS evse_uid, (b."locationSnapshot"->>'estimateMinor')::int AS estimate_minor,
           b."locationSnapshot"->>'currency' AS estimate_currency, b."locationSnapshot"->'tariff'->>'perKwhMinor' AS estimate_per_kwh,
           s."priceInclVatMinor" AS final_minor, s.currency AS final_currency, s."energyWh" AS energy_wh
    FROM (
      SELECT * FROM "Booking"
      WHERE "fleetId" = ${fleetId} AND provider = ${provider}::"Provider" AND "locationId" = ${locationId}
      ORDER BY "createdAt" DESC LIMIT ${PRICE_HISTORY_LENGTH}
    ) b
    LEFT JOIN LATERAL (
      SELECT "priceInclVatMinor", currency, "energyWh" FROM "ChargingSession"
      WHERE "bookingId" = b.id AND "priceInclVatMinor" IS NOT NULL AND currency IS NOT NULL
      ORDER BY "startTime" DESC LIMIT 1
    ) s ON true
    ORDER BY b."createdAt" DESC`);
  return rows.map((r) => ({
    bookingId: r.id,
    at: r.created_at.toISOString(),
    evseUid: r.evse_uid,
    estimate:
      r.estimate_minor === null || r.estimate_currency === null
        ? null
        : {
            amountMinor: r.estimate_minor,
            currency: r.estimate_currency,
            perKwhMinor: r.estimate_per_kwh === null ? null : Number(r.estimate_per_kwh),
          },
    final:
      r.final_minor === null || r.final_currency === null
        ? null
        : {
            amountMinor: r.final_minor,
            currency: r.final_currency,
            energyWh: r.energy_wh,
            perKwhMinor: r.energy_wh ? perKwhMinor(r.final_minor, r.energy_wh) : null,
          },
  }));
}
