// Writes session rows in one statement per batch, each with the vehicle that charged; a row that has not changed
// is left untouched. A session seen starting or completing for the first time tells its fleet's webhooks, in the
// same transaction as the write.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { emitWebhook } from "@/lib/webhooks/emit";
import type { WebhookEvent } from "@/lib/webhooks/events";
import type { SessionRow } from "./session-row";
import { resolveSessionVehicles } from "./session-vehicle";

/** Any Prisma client or transaction client. */
export type RawExecutor = Prisma.TransactionClient;

interface WrittenRow {
  id: string;
  fleetId: string | null;
  driverId: string | null;
  vehicleId: string | null;
  bookingId: string | null;
  providerSessionId: string;
  status: string;
  /** Null for a row this statement inserted. */
  previousStatus: string | null;
}

const STARTED = new Set(["STARTED", "STOP_FAILED"]);

/** session.started the first time a session is seen charging, session.completed the first time it is complete. */
export function sessionEventOf(previous: string | null, status: string): WebhookEvent | null {
  if (status === "COMPLETE" && previous !== "COMPLETE") return "session.completed";
  if (STARTED.has(status) && (previous === null || previous === "WAITING_TO_START")) return "session.started";
  return null;
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
    const keys = Prisma.join(
      chunk.map((row) => Prisma.sql`(${row.source}::"SessionSource", ${row.providerSessionId})`),
    );
    // The CTE "before" reads the rows as they were when the statement began: what each status was before the write.
    const written = await executor.$queryRaw<WrittenRow[]>(Prisma.sql`
      WITH before AS (
        SELECT "source", "providerSessionId", "status" FROM "ChargingSession"
        WHERE ("source", "providerSessionId") IN (${keys})
      ), written AS (
        INSERT INTO "ChargingSession" ("id", ${Prisma.join(COLUMNS.map(quoted))}, "syncedAt", "updatedAt")
        VALUES ${values}
        ON CONFLICT ("source", "providerSessionId") DO UPDATE
          SET ${assignments}, "syncedAt" = now(), "updatedAt" = now()
          WHERE (${current}) IS DISTINCT FROM (${incoming})
        RETURNING "id", "source", "fleetId", "driverId", "vehicleId", "bookingId", "providerSessionId", "status"
      )
      SELECT w."id", w."fleetId", w."driverId", w."vehicleId", w."bookingId", w."providerSessionId", w."status",
             b."status" AS "previousStatus"
      FROM written w LEFT JOIN before b USING ("source", "providerSessionId")`);
    changed += written.length;
    for (const row of written) {
      const event = row.fleetId ? sessionEventOf(row.previousStatus, row.status) : null;
      if (event && row.fleetId)
        await emitWebhook(executor, {
          fleetId: row.fleetId,
          event,
          data: {
            sessionId: row.id,
            providerSessionId: row.providerSessionId,
            status: row.status,
            driverId: row.driverId,
            vehicleId: row.vehicleId,
            bookingId: row.bookingId,
          },
        });
    }
  }
  return changed;
}
