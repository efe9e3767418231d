// The sessions CSV download: what the export route answers, shared with the scale benchmark. The file is streamed:
// sessions are read in chunks, newest first, each chunk after the last one's (startTime, id), and written as they come.
import "server-only";
import { csvResponse, textStream } from "@/lib/csv";
import type { Language } from "@/lib/i18n/languages";
import { pgPool } from "@/lib/pg-pool";
import { type SessionListRow, sessionWhere } from "./list-sessions";
import type { SessionFilters } from "./schemas";
import { sessionsCsvPieces } from "./sessions-csv";

/** Rows a chunk: at fleet scale 1,000 held the export's peak RSS well under 2,000's, at the same speed (README). */
export const EXPORT_CHUNK_SIZE = 1_000;

/** PostgreSQL's text of a timestamp column (UTC, without a zone): "2026-03-01 08:15:00.5". */
const TIMESTAMP_TEXT = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,3})?$/;

/** That text as the ISO text of SessionListRow, without a Date in between (to_char in SQL costs more). */
export function timestampIso(text: string | null): string | null {
  if (text === null) return null;
  if (!TIMESTAMP_TEXT.test(text)) throw new Error(`unexpected timestamp text: ${text}`);
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${text.slice(20).padEnd(3, "0")}Z`;
}

/** A Date as a value for a timestamp column: UTC, without the zone that pg would add from the local one. */
const utc = (date: Date) => date.toISOString().slice(0, 23);

/** sessionWhere (the list's filters) in SQL, with its parameters. */
export function sessionSqlWhere(filters: SessionFilters, onlyDriverId?: string): { sql: string; params: unknown[] } {
  const where = sessionWhere(filters, onlyDriverId);
  const params: unknown[] = [];
  const conditions: string[] = [];
  const equals = (column: string, value: unknown, cast = "") => {
    if (value === undefined) return;
    if (value === null) return conditions.push(`s."${column}" IS NULL`);
    params.push(value);
    conditions.push(`s."${column}" = $${params.length}${cast}`);
  };
  equals("fleetId", where.fleetId);
  equals("driverId", where.driverId);
  equals("status", where.status);
  equals("chargingKeyId", where.chargingKeyId);
  equals("operatorName", where.operatorName);
  equals("country", where.country);
  equals("source", where.source, `::"SessionSource"`);
  const range = where.startTime as { gte?: Date; lt?: Date } | undefined;
  if (range?.gte) {
    params.push(utc(range.gte));
    conditions.push(`s."startTime" >= $${params.length}::timestamp`);
  }
  if (range?.lt) {
    params.push(utc(range.lt));
    conditions.push(`s."startTime" < $${params.length}::timestamp`);
  }
  return { sql: conditions.join(" AND "), params };
}

/** Every session matching the filters, newest first (ties by id), `chunkSize` at a time, with no cap. */
export async function* sessionChunks(
  filters: SessionFilters,
  onlyDriverId?: string,
  chunkSize = EXPORT_CHUNK_SIZE,
): AsyncGenerator<SessionListRow[]> {
  const where = sessionSqlWhere(filters, onlyDriverId);
  const n = where.params.length;
  // The first condition bounds the index scan; the second skips the rows of the last chunk's start time.
  const after = `s."startTime" <= $${n + 1}::timestamp AND (s."startTime" < $${n + 1}::timestamp OR s.id > $${n + 2})`;
  const query = (cursor: boolean) => `
    SELECT s.id, s.source::text AS source, s."providerSessionId", s.status, s."balanceStatus",
      s."startTime"::text AS "startTime", s."endTime"::text AS "endTime", s."durationSeconds", s."energyWh",
      s."priceExclVatMinor", s."priceInclVatMinor", s."vatRateBasisPoints", s.currency, s."chargerName", s."evseId",
      s."operatorName", s.country, s."driverId", u.name AS "driverName",
      COALESCE(k.name, k."visualNumber", k."keyId") AS "keyLabel", s."paymentMethod", s."receiptAvailable", s.site,
      s."vehicleId", v.plate || COALESCE(' · ' || v.name, '') AS "vehicleLabel", s."odometerKm"
    FROM "ChargingSession" s
      LEFT JOIN "User" u ON u.id = s."driverId"
      LEFT JOIN "ChargingKey" k ON k.id = s."chargingKeyId"
      LEFT JOIN "Vehicle" v ON v.id = s."vehicleId"
    WHERE ${where.sql}${cursor ? ` AND ${after}` : ""}
    ORDER BY s."startTime" DESC, s.id ASC
    LIMIT ${Math.max(1, Math.floor(chunkSize))}`;
  const read = async (last?: SessionListRow) => {
    const params = last ? [...where.params, last.startTime.slice(0, 23), last.id] : where.params;
    const { rows } = await pgPool().query<SessionListRow>(query(last !== undefined), params);
    for (const row of rows) {
      row.startTime = timestampIso(row.startTime)!;
      row.endTime = timestampIso(row.endTime);
    }
    return rows;
  };
  // The next chunk is asked for before this one is handed on: PostgreSQL reads it while the CSV is written.
  let next: Promise<SessionListRow[]> | undefined = read();
  try {
    while (next) {
      const rows: SessionListRow[] = await next;
      next = rows.length === chunkSize ? read(rows[rows.length - 1]) : undefined;
      if (rows.length) yield rows;
    }
  } finally {
    // A reader that stops early leaves a chunk in flight: its outcome no longer matters.
    next?.catch(() => undefined);
  }
}

export async function exportSessionsResponse(
  filters: SessionFilters,
  onlyDriverId: string | undefined,
  language: Language,
  now = new Date(),
): Promise<Response> {
  return csvResponse(
    textStream(sessionsCsvPieces(sessionChunks(filters, onlyDriverId), language)),
    `sessions-${now.toISOString().slice(0, 10)}.csv`,
  );
}
