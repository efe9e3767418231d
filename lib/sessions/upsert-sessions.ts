// Writes session rows in one statement per batch, each with the vehicle that charged; a row that has not changed
// is left untouched.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { SessionRow } from "./session-row";
import { type RawReader, resolveSessionVehicles } from "./session-vehicle";

/** Any Prisma client or transaction client. */
export interface RawExecutor extends RawReader {
  $executeRaw(query: Prisma.Sql): Prisma.PrismaPromise<number>;
}

type StoredRow = SessionRow & { vehicleId: string | null };

const COLUMNS = [
  "source",
  "providerSessionId",
  "fleetId",
  "driverId",
  "chargingKeyId",
  "bookingId",
  "vehicleId",
  "status",
  "balanceStatus",
  "startTime",
  "endTime",
  "durationSeconds",
  "energyWh",
  "priceExclVatMinor",
  "priceInclVatMinor",
  "vatRateBasisPoints",
  "currency",
  "paymentMethod",
  "receiptAvailable",
  "evseId",
  "connectorId",
  "chargerName",
  "site",
  "operatorName",
  "country",
] as const satisfies ReadonlyArray<keyof StoredRow>;

/** Columns that the provider owns; the link to a local booking/key/vehicle is kept when a later pull lacks it. */
const UPDATED = COLUMNS.filter((c) => c !== "source" && c !== "providerSessionId");
const KEEP_IF_NULL = new Set(["fleetId", "driverId", "chargingKeyId", "bookingId", "vehicleId"]);

const quoted = (c: string) => Prisma.raw(`"${c}"`);

function value(row: StoredRow, column: (typeof COLUMNS)[number]): Prisma.Sql {
  const v = row[column];
  if (column === "source") return Prisma.sql`${v}::"SessionSource"`;
  return Prisma.sql`${v}`;
}

/**
 * Inserts or updates rows by (source, providerSessionId). Returns the number of rows inserted or
 * actually changed: running the same input twice returns 0 the second time.
 */
export async function upsertSessions(executor: RawExecutor, rows: SessionRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  // One row per key per statement: PostgreSQL refuses to update the same row twice in one INSERT … ON CONFLICT.
  const unique = [...new Map(rows.map((r) => [`${r.source}:${r.providerSessionId}`, r])).values()];
  let changed = 0;
  for (let i = 0; i < unique.length; i += 500) {
    const sessions = unique.slice(i, i + 500);
    const vehicles = await resolveSessionVehicles(executor, sessions);
    const chunk: StoredRow[] = sessions.map((row, n) => ({ ...row, vehicleId: vehicles[n] }));
    const values = Prisma.join(
      chunk.map(
        (row) => Prisma.sql`(gen_random_uuid()::text, ${Prisma.join(COLUMNS.map((c) => value(row, c)))}, now(), now())`,
      ),
    );
    const assignments = Prisma.join(
      UPDATED.map((c) =>
        KEEP_IF_NULL.has(c)
          ? Prisma.sql`${quoted(c)} = COALESCE(EXCLUDED.${quoted(c)}, "ChargingSession".${quoted(c)})`
          : Prisma.sql`${quoted(c)} = EXCLUDED.${quoted(c)}`,
      ),
    );
    const current = Prisma.join(UPDATED.map((c) => Prisma.sql`"ChargingSession".${quoted(c)}`));
    const incoming = Prisma.join(
      UPDATED.map((c) =>
        KEEP_IF_NULL.has(c)
          ? Prisma.sql`COALESCE(EXCLUDED.${quoted(c)}, "ChargingSession".${quoted(c)})`
          : Prisma.sql`EXCLUDED.${quoted(c)}`,
      ),
    );
    changed += await executor.$executeRaw(Prisma.sql`
      INSERT INTO "ChargingSession" ("id", ${Prisma.join(COLUMNS.map(quoted))}, "syncedAt", "updatedAt")
      VALUES ${values}
      ON CONFLICT ("source", "providerSessionId") DO UPDATE
        SET ${assignments}, "syncedAt" = now(), "updatedAt" = now()
        WHERE (${current}) IS DISTINCT FROM (${incoming})`);
  }
  return changed;
}
