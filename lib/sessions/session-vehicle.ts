// Which of the fleet's vehicles charged in a session, decided when the session is written: the vehicle its booking
// was made for, else the fleet's vehicle with the session's charging key, else the one with its booking's Petit
// Monde token (the session itself names no token). A vehicle in service wins over a retired one with the same key.
// The migration 20261203110000_session_vehicle_odometer backfilled the stored sessions with the same rules.
import "server-only";
import { Prisma } from "@/generated/prisma/client";

/** Any Prisma client or transaction client. */
export interface RawReader {
  $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T>;
}

/** What of a session tells its vehicle. */
export interface SessionVehicleClues {
  fleetId: string | null;
  bookingId: string | null;
  chargingKeyId: string | null;
}

/** Each session's vehicle id, in the order given; null where none of the fleet's vehicles fits. */
export async function resolveSessionVehicles(
  reader: RawReader,
  sessions: SessionVehicleClues[],
): Promise<Array<string | null>> {
  const found: Array<string | null> = sessions.map(() => null);
  const asked = sessions.flatMap((s, index) =>
    s.fleetId !== null && (s.bookingId !== null || s.chargingKeyId !== null) ? [{ ...s, index }] : [],
  );
  if (asked.length === 0) return found;
  const rows = await reader.$queryRaw<Array<{ n: bigint; vehicle_id: string | null }>>(Prisma.sql`
    SELECT i.n, COALESCE(
      (SELECT b."vehicleId" FROM "Booking" b WHERE b.id = i.booking_id AND b."fleetId" = i.fleet_id),
      (SELECT v.id FROM "Vehicle" v WHERE v."fleetId" = i.fleet_id AND v."chargingKeyId" = i.key_id
        ORDER BY v."retiredAt" IS NOT NULL, v."createdAt", v.id LIMIT 1),
      (SELECT v.id FROM "Booking" b JOIN "Vehicle" v ON v."fleetId" = b."fleetId" AND v."petitMondeTokenId" = b."tokenId"
        WHERE b.id = i.booking_id AND b."fleetId" = i.fleet_id
        ORDER BY v."retiredAt" IS NOT NULL, v."createdAt", v.id LIMIT 1)
    ) AS vehicle_id
    FROM unnest(
      ${asked.map((s) => s.fleetId)}::text[],
      ${asked.map((s) => s.bookingId)}::text[],
      ${asked.map((s) => s.chargingKeyId)}::text[]
    ) WITH ORDINALITY AS i(fleet_id, booking_id, key_id, n)`);
  for (const row of rows) found[asked[Number(row.n) - 1].index] = row.vehicle_id;
  return found;
}

/** Any Prisma transaction client that can run a raw statement. */
export interface RawWriter {
  $executeRaw(query: Prisma.Sql): Prisma.PrismaPromise<number>;
}

/**
 * A charging key given to a vehicle (added, edited or imported with it): the fleet's stored sessions with that key
 * and no vehicle yet are that vehicle's from now on. A session already credited to a vehicle keeps it (the key was
 * that vehicle's when it charged). Returns how many sessions it credited.
 */
export function creditKeySessions(
  writer: RawWriter,
  vehicle: { id: string; fleetId: string; chargingKeyId: string | null },
): Promise<number> | number {
  if (!vehicle.chargingKeyId) return 0;
  return writer.$executeRaw(Prisma.sql`
    UPDATE "ChargingSession" SET "vehicleId" = ${vehicle.id}, "updatedAt" = now()
    WHERE "fleetId" = ${vehicle.fleetId} AND "chargingKeyId" = ${vehicle.chargingKeyId} AND "vehicleId" IS NULL`);
}
