// A mixed history for comparing the sessions' rollup with the sessions themselves: starts on both sides of UTC,
// Berlin and Kolkata midnights and month starts, several currencies (one in lower case), sessions without a
// price, energy or driver, written through the sync's upsert and then changed (prices arriving later, statuses
// moving on, a driver, a vehicle and a fleet set afterwards) and deleted, as providers and people do.
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { SessionRow } from "@/lib/sessions/session-row";
import { upsertSessions } from "@/lib/sessions/upsert-sessions";

/** The first days of the months the mix covers, and the zones whose midnights it straddles. */
const MONTH_STARTS = ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"];
const ZONE_OFFSETS_MINUTES = [0, -60, -120, 330]; // UTC, Berlin in winter and summer, Kolkata
export const MIX_RANGE = { from: "2026-01-20", to: "2026-05-10" };

const SOURCES = ["PLUGSURFING_SESSION", "PETITMONDE_BOOKING", "DEPOT_TRANSACTION"] as const;
const STATUSES = ["COMPLETE", "COMPLETE", "COMPLETE", "FAILED", "STARTED", "NO_SHOW"] as const;
const CURRENCIES = ["EUR", "EUR", "eur", "NOK", "JPY", null] as const;
const OPERATORS = ["DE*ABC", "DE*ABC", "NL*XYZ", null] as const;
const COUNTRIES = ["DE", "DE", "NL", null] as const;

/** A small deterministic generator: the same mix on every run. */
function numbers(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
}

function startTimes(): Date[] {
  const times: Date[] = [];
  for (const day of MONTH_STARTS) {
    const utcMidnight = Date.parse(`${day}T00:00:00Z`);
    for (const offset of ZONE_OFFSETS_MINUTES) {
      const midnight = utcMidnight - offset * 60_000;
      for (const delta of [-60_000, -1, 0, 1, 45 * 60_000]) times.push(new Date(midnight + delta));
    }
  }
  // And hours of every day between, none on a round minute.
  const pick = numbers(7);
  const from = Date.parse(`${MIX_RANGE.from}T00:00:00Z`);
  const to = Date.parse(`${MIX_RANGE.to}T00:00:00Z`);
  for (let at = from; at < to; at += 8 * 3_600_000) times.push(new Date(at + pick(8 * 3_600_000)));
  return times;
}

export async function seedSessionMix(fleetId: string, otherFleetId: string, driverIds: string[]): Promise<number> {
  const pick = numbers(42);
  const owners = [...driverIds, null];
  const rows: SessionRow[] = startTimes().map((startTime, i) => {
    const currency = CURRENCIES[pick(CURRENCIES.length)];
    const priced = pick(5) !== 0;
    const incl = priced ? 100 + pick(5_000) : null;
    const energy = pick(10) === 0 ? null : pick(12) === 0 ? 0 : 1_000 + pick(40_000);
    return {
      source: SOURCES[i % SOURCES.length],
      providerSessionId: `mix-${i}`,
      fleetId: i % 9 === 0 ? otherFleetId : fleetId,
      driverId: owners[pick(owners.length)],
      chargingKeyId: null,
      bookingId: null,
      status: STATUSES[pick(STATUSES.length)],
      balanceStatus: null,
      startTime,
      endTime: new Date(startTime.getTime() + 40 * 60_000),
      durationSeconds: 2_400,
      energyWh: energy,
      priceExclVatMinor: incl !== null && pick(3) !== 0 ? Math.round(incl / 1.19) : null,
      priceInclVatMinor: incl,
      vatRateBasisPoints: incl === null ? null : 1_900,
      currency,
      paymentMethod: null,
      receiptAvailable: false,
      evseId: `DE*ABC*E${i % 7}`,
      connectorId: "1",
      chargerName: `Charger ${i % 7}`,
      site: null,
      operatorName: OPERATORS[pick(OPERATORS.length)],
      country: COUNTRIES[pick(COUNTRIES.length)],
    };
  });
  await upsertSessions(db, rows);

  // Later pulls: running sessions end with their price, some prices are corrected, a currency is learnt.
  const later = rows
    .filter((_, i) => i % 4 === 0)
    .map((row, i): SessionRow => {
      if (row.status === "STARTED") return { ...row, status: "COMPLETE", priceInclVatMinor: 999, currency: "EUR" };
      if (row.priceInclVatMinor === null) return { ...row, priceInclVatMinor: 1_234, priceExclVatMinor: 1_037 };
      if (i % 3 === 0) return { ...row, currency: row.currency === null ? "NOK" : null };
      return { ...row, energyWh: row.energyWh === null ? 5_000 : null, status: "FAILED" };
    });
  await upsertSessions(db, later);
  // The same pull again changes nothing.
  await upsertSessions(db, later);
  // Two vans of the fleet: most sessions get one of them, some none.
  const vans = await Promise.all(
    ["MIX 1", "MIX 2"].map((plate) =>
      db.vehicle.create({
        data: {
          fleetId,
          plate,
          plateKey: plate.replace(" ", ""),
          batteryKwh: 60,
          connectorStandards: ["IEC_62196_T2"],
        },
      }),
    ),
  );
  await db.$executeRaw(Prisma.sql`
    UPDATE "ChargingSession" SET "vehicleId" = CASE right("providerSessionId", 1)
      WHEN '1' THEN ${vans[0].id} WHEN '2' THEN ${vans[0].id} WHEN '3' THEN ${vans[0].id}
      WHEN '4' THEN ${vans[1].id} WHEN '5' THEN ${vans[1].id} END
    WHERE "fleetId" = ${fleetId}`);
  // A session moved to another start, one driver set by hand, some removed.
  await db.$executeRaw(Prisma.sql`
    UPDATE "ChargingSession" SET "startTime" = "startTime" + interval '3 hours', "driverId" = ${driverIds[0]}
    WHERE "providerSessionId" IN ('mix-5', 'mix-6', 'mix-33')`);
  await db.chargingSession.deleteMany({ where: { providerSessionId: { in: ["mix-7", "mix-40", "mix-41"] } } });
  return rows.length;
}

/**
 * The rollup as the triggers kept it, and as it is when built afresh from the sessions as they are now (every
 * session taken out and put back in one transaction): the two must be the same rows.
 */
export async function rollupKeptAndRebuilt(): Promise<{ kept: unknown[]; rebuilt: unknown[] }> {
  // Rows whose sessions all went elsewhere stay behind as zeros: they count for nothing.
  const read = (client: Pick<typeof db, "$queryRaw">) =>
    client.$queryRaw<unknown[]>(Prisma.sql`
      SELECT "fleetId", kind, grain, bucket, "driverId", "vehicleId", status, source::text, "operatorName", country, currency,
        sessions, "energyWh", "energyCount", "exclVatMinor", "exclVatCount", "inclVatMinor", "inclVatCount",
        "pricedEnergyWh", "pricedInclVatMinor", "pricedCount"
      FROM "ChargingSessionRollup"
      WHERE sessions <> 0 OR "energyWh" <> 0 OR "energyCount" <> 0 OR "exclVatMinor" <> 0 OR "exclVatCount" <> 0
        OR "inclVatMinor" <> 0 OR "inclVatCount" <> 0 OR "pricedEnergyWh" <> 0 OR "pricedInclVatMinor" <> 0
        OR "pricedCount" <> 0
      ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`);
  const kept = await read(db);
  const rebuilt = await db.$transaction(async (tx) => {
    await tx.$executeRaw`CREATE TEMP TABLE sessions_now ON COMMIT DROP AS SELECT * FROM "ChargingSession"`;
    await tx.$executeRaw`DELETE FROM "ChargingSession"`;
    await tx.$executeRaw`TRUNCATE "ChargingSessionRollup"`;
    await tx.$executeRaw`INSERT INTO "ChargingSession" SELECT * FROM sessions_now`;
    return read(tx);
  });
  return { kept, rebuilt };
}
