// The streamed sessions export in PostgreSQL: every session in the list's order across chunks, with no cap, the
// list's filters, and the driver's and key's words.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { EXPORT_CHUNK_SIZE, exportSessionsResponse, sessionChunks } from "./export-sessions";
import { sessionFiltersInput } from "./schemas";

let fleetId: string;
let dora: string;
let keyId: string;
const MANY = EXPORT_CHUNK_SIZE + 7;

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Export org" } });
  fleetId = (
    await db.fleet.create({ data: { organizationId: org.id, name: "Export", plugsurfingFleetId: "export-fleet" } })
  ).id;
  const other = await db.fleet.create({
    data: { organizationId: org.id, name: "Other", plugsurfingFleetId: "export-other" },
  });
  dora = (await db.user.create({ data: { email: "dora@export.test", name: "Dora", passwordHash: "x" } })).id;
  keyId = (
    await db.chargingKey.create({
      data: {
        provider: "PLUGSURFING",
        keyId: "K-1",
        fleetId,
        visualNumber: "V-1",
        type: "RFID_CARD",
        source: "provider",
      },
    })
  ).id;
  const base = { source: "PLUGSURFING_SESSION" as const, status: "COMPLETE", fleetId, currency: "EUR" };
  // Three sessions start at each minute, so chunks often end inside a run of equal start times.
  await db.chargingSession.createMany({
    data: Array.from({ length: MANY }, (_, i) => ({
      ...base,
      id: `exp-${String(i).padStart(5, "0")}`,
      providerSessionId: `p-${i}`,
      startTime: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 60_000),
      driverId: i % 2 ? dora : null,
      chargingKeyId: i % 5 ? null : keyId,
      status: i % 4 ? "COMPLETE" : "FAILED",
      energyWh: i,
    })),
  });
  await db.chargingSession.create({
    data: { ...base, fleetId: other.id, providerSessionId: "other", startTime: new Date(Date.UTC(2026, 0, 2)) },
  });
});

async function allChunks(filters: Record<string, unknown>, chunkSize?: number, onlyDriverId?: string) {
  const chunks = [];
  for await (const chunk of sessionChunks(
    sessionFiltersInput.parse({ fleetId, ...filters }),
    onlyDriverId,
    chunkSize,
  )) {
    chunks.push(chunk);
  }
  return chunks;
}

/** What the list would show, in its order, over every page. */
async function listed(where: object) {
  const rows = await db.chargingSession.findMany({
    where: { fleetId, ...where },
    orderBy: [{ startTime: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

describe("sessionChunks", () => {
  it("reads every session, in the list's order, chunk after chunk, across equal start times", async () => {
    // 700 is no multiple of 3: chunks end inside a run of equal start times.
    const chunks = await allChunks({}, 700);
    expect(chunks.length).toBe(Math.ceil(MANY / 700));
    expect(chunks.every((c) => c.length <= 700)).toBe(true);
    expect(chunks.flat().map((r) => r.id)).toEqual(await listed({}));
  });

  it("applies the list's filters and a driver's own view", async () => {
    const failed = await allChunks({ status: "FAILED", from: "2026-01-01", to: "2026-01-01", timeZone: "UTC" }, 7);
    expect(failed.flat().map((r) => r.id)).toEqual(
      await listed({ status: "FAILED", startTime: { gte: new Date("2026-01-01"), lt: new Date("2026-01-02") } }),
    );
    const none = await allChunks({ driverId: "none" }, 100);
    expect(none.flat().map((r) => r.id)).toEqual(await listed({ driverId: null }));
    const own = await allChunks({ driverId: "none" }, 100, dora);
    expect(own.flat().map((r) => r.id)).toEqual(await listed({ driverId: dora }));
    expect((await allChunks({ keyId }, 50)).flat().map((r) => r.id)).toEqual(await listed({ chargingKeyId: keyId }));
  });

  it("gives each row the fields of the list, with the driver's name and the key's label", async () => {
    const chunks = sessionChunks(sessionFiltersInput.parse({ fleetId, keyId }), undefined, 1);
    const row = (await chunks.next()).value![0];
    await chunks.return(undefined);
    expect(row.startTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const stored = await db.chargingSession.findUniqueOrThrow({ where: { id: row.id } });
    expect(row.startTime).toBe(stored.startTime.toISOString());
    expect(row.endTime).toBeNull();
    expect(row.energyWh).toBe(stored.energyWh);
    expect(row.keyLabel).toBe("V-1");
    expect(row.driverName).toBe(stored.driverId ? "Dora" : null);
  });
});

describe("exportSessionsResponse", () => {
  it("streams more rows than one chunk, newest first, with no cap", async () => {
    const response = await exportSessionsResponse(sessionFiltersInput.parse({ fleetId }), undefined, "en");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.body).toBeInstanceOf(ReadableStream);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let reads = 0;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      text += decoder.decode(next.value, { stream: true });
      reads++;
    }
    expect(reads).toBeGreaterThan(2);
    const lines = text.slice(1).split("\r\n").slice(1, -1);
    expect(lines).toHaveLength(MANY);
    const starts = lines.map((l) => l.slice(1, 25));
    expect(starts).toEqual([...starts].sort().reverse());
    const ids = await listed({});
    const sessions = await db.chargingSession.findMany({
      where: { fleetId },
      select: { id: true, providerSessionId: true },
    });
    const providerIds = new Map(sessions.map((s) => [s.id, s.providerSessionId]));
    expect(lines.map((l) => l.slice(l.lastIndexOf(",") + 2, -1))).toEqual(ids.map((id) => providerIds.get(id)));
  });
});
