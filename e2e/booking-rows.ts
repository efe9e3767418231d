// Bookings written straight into the database, for specs that need one in a given state and window (a
// booking cannot be made for a window that has already begun), on a charge point the sandbox's remote-start
// provider lists as free. The booking's provider never hears of these, so nothing moves them on.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, runtime } from "./fixtures";

export const MINUTE = 60_000;

export async function query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

interface WireLocation {
  id: string;
  name: string;
  address?: string;
  city?: string;
  postal_code?: string;
  time_zone?: string;
  coordinates: { latitude: string; longitude: string };
  evses: Array<{ uid: string; evse_id: string; status: string; capabilities: string[]; connectors: { id: string }[] }>;
}

export interface Charger {
  name: string;
  address?: string;
  postalCode?: string;
  city?: string;
  latitude: number;
  longitude: number;
  positionKnown?: boolean;
  timeZone: string;
  evseId: string;
  reservable: boolean;
}

const taken = new Set<string>();

/** A free, remote-start capable EVSE near the point that no other test of this run has used. */
export async function freeCharger(latitude: number, longitude: number): Promise<Charger> {
  const response = await fetch(
    `${runtime().sandboxUrl}/plugsurfing/drive/v1/geosearch/radius?latitude=${latitude}&longitude=${longitude}&distance=8000&limit=300`,
    {
      method: "POST",
      headers: { "X-API-Key": "sandbox-plugsurfing-key", "Content-Type": "application/json" },
      body: JSON.stringify({ filters: { locationStatuses: ["AVAILABLE"] } }),
    },
  );
  const { locations } = (await response.json()) as { locations: WireLocation[] };
  for (const location of locations) {
    const evse = location.evses.find(
      (e) => e.status === "AVAILABLE" && e.capabilities.includes("REMOTE_START_STOP_CAPABLE") && !taken.has(e.evse_id),
    );
    if (!evse || !location.time_zone) continue;
    taken.add(evse.evse_id);
    return {
      name: location.name,
      address: location.address,
      postalCode: location.postal_code,
      city: location.city,
      latitude: Number(location.coordinates.latitude),
      longitude: Number(location.coordinates.longitude),
      timeZone: location.time_zone,
      evseId: evse.evse_id,
      reservable: true,
    };
  }
  throw new Error("no free remote-start capable charger near the point");
}

export interface InsertedBooking {
  id: string;
  externalId: string;
  providerBookingId: string;
}

/** A Petit Monde fleet booking of Berlin Vans, made by the dispatcher, in the state and window given. */
export async function insertBooking(booking: {
  charger: Charger;
  start: Date;
  end: Date;
  status?: string;
  driverEmail?: string | null;
  priceMinor?: number | null;
  feeMinor?: number | null;
  currency?: string | null;
}): Promise<InsertedBooking> {
  const [fleet] = await query<{ id: string }>(`SELECT id FROM "Fleet" WHERE name = 'Berlin Vans'`);
  const [dispatcher] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'dispatcher@demo.fleet'`);
  const driverEmail = booking.driverEmail === undefined ? "driver@demo.fleet" : booking.driverEmail;
  const [driver] = driverEmail
    ? await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [driverEmail])
    : [];
  expect(fleet && dispatcher).toBeTruthy();
  const inserted = {
    id: `e2e-${randomUUID()}`,
    externalId: `fleet-${randomUUID()}`,
    providerBookingId: `pm-e2e-${randomUUID()}`,
  };
  await query(
    `INSERT INTO "Booking" (id, "fleetId", provider, "providerBookingId", "externalId", status, "locationId", "evseUid",
       "connectorId", "locationSnapshot", "windowStart", "windowEnd", "tokenStrategy", "fleetGroupId",
       "assignedDriverId", "createdById", "priceMinor", "feeMinor", currency, "updatedAt")
     VALUES ($1, $2, 'PETITMONDE', $3, $4, $5::"BookingStatus", $6, $7, '1', $8, $9, $10, 'GROUP_TOKEN',
       'group_berlin_vans', $11, $12, $13, $14, $15, now())`,
    [
      inserted.id,
      fleet.id,
      inserted.providerBookingId,
      inserted.externalId,
      booking.status ?? "CONFIRMED",
      `DE-E2E-${booking.charger.evseId}`,
      booking.charger.evseId,
      booking.charger,
      booking.start,
      booking.end,
      driver?.id ?? null,
      dispatcher.id,
      booking.priceMinor ?? null,
      booking.feeMinor ?? null,
      booking.currency ?? null,
    ],
  );
  return inserted;
}

/** A window that began `minutesAgo` minutes ago and lasts an hour. */
export function windowUnderWay(minutesAgo = 5): { start: Date; end: Date } {
  const start = new Date(Date.now() - minutesAgo * MINUTE);
  return { start, end: new Date(start.getTime() + 60 * MINUTE) };
}

export async function removeBookings(ids: string[]): Promise<void> {
  if (ids.length) await query(`DELETE FROM "Booking" WHERE id = ANY($1)`, [ids]);
}
