// Depot chargers against PostgreSQL and the sandbox: changes with their audit entries, one fleet never
// touching another's, the all-or-nothing import, and depot search from the configured chargers only.
import { beforeAll, describe, expect, it } from "vitest";
import { failureWords, toFailure } from "@/lib/actions/errors";
import { bookingProvidersFrom } from "@/lib/bookings/providers";
import { searchBookableChargers } from "@/lib/bookings/chargers";
import { db } from "@/lib/db";
import { isDomainError, type DomainError } from "@/lib/errors";
import { InMemoryRateLimiter } from "@/lib/providers/rate-limit";
import { sandboxProviders } from "@/lib/providers/testing/sandbox";
import { EMPTY_FILTERS } from "@/lib/search/filters";
import { searchChargers } from "@/lib/search/search-chargers";
import type { CsvRowError } from "./csv";
import {
  addDepotCharger,
  deleteDepotCharger,
  editDepotCharger,
  fleetChargersFor,
  importDepotChargers,
  listDepotChargers,
} from "./depot-chargers";
import type { DepotChargerValues } from "./schemas";
import { SANDBOX_TEMPELHOF, configureSandboxDepotChargers } from "./testing/sandbox-depot-chargers";

let fleetId = "";
let otherFleetId = "";
let actorId = "";

const TEMPELHOF = { latitude: 52.4672, longitude: 13.3953 };

const dc1: DepotChargerValues = {
  chargerId: "BER-CH01",
  name: "Tempelhof DC 1",
  latitude: 52.4668,
  longitude: 13.3951,
  address: "Ordensmeisterstraße 14, 12099 Berlin",
  timeZone: "Europe/Berlin",
  connectors: [{ connectorId: "1", standard: "IEC_62196_T2_COMBO", powerKw: 150 }],
};

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Depot org" } });
  fleetId = (
    await db.fleet.create({ data: { organizationId: org.id, name: "Depot fleet", plugsurfingFleetId: "depot-a" } })
  ).id;
  otherFleetId = (
    await db.fleet.create({ data: { organizationId: org.id, name: "Other fleet", plugsurfingFleetId: "depot-b" } })
  ).id;
  actorId = (
    await db.user.create({ data: { email: "depot-admin@test.local", name: "Depot admin", passwordHash: "x" } })
  ).id;
});

describe("depot chargers", () => {
  it("adds, edits and deletes, each with its audit entry", async () => {
    const added = await addDepotCharger(fleetId, dc1, { actorId, ip: "10.0.0.1" });
    expect(added).toMatchObject({ chargerId: "BER-CH01", connectors: dc1.connectors });

    const edited = await editDepotCharger(fleetId, added.id, { ...dc1, name: "Tempelhof fast" }, { actorId });
    expect(edited.name).toBe("Tempelhof fast");
    await deleteDepotCharger(fleetId, added.id, { actorId });
    expect(await listDepotChargers(fleetId)).toEqual([]);

    const entries = await db.auditLog.findMany({ where: { objectId: added.id }, orderBy: { at: "asc" } });
    expect(entries.map((e) => [e.action, e.actorId, e.fleetId])).toEqual([
      ["depot-chargers.add", actorId, fleetId],
      ["depot-chargers.edit", actorId, fleetId],
      ["depot-chargers.delete", actorId, fleetId],
    ]);
    expect(entries[0].ip).toBe("10.0.0.1");
    expect(entries[1].before).toMatchObject({ name: "Tempelhof DC 1" });
    expect(entries[1].after).toMatchObject({ name: "Tempelhof fast" });
    expect(entries[2].before).toMatchObject({ chargerId: "BER-CH01" });
  });

  it("refuses a charger id twice in one fleet, allows it in another, and never touches another fleet's charger", async () => {
    const mine = await addDepotCharger(fleetId, dc1, { actorId });
    const duplicate = await failure(addDepotCharger(fleetId, { ...dc1, name: "Again" }, { actorId }));
    expect(duplicate.code).toBe("CONFLICT");
    expect(toFailure(duplicate, "test").fieldErrors?.chargerId).toEqual([
      "This fleet already has a charger with this id",
    ]);
    const theirs = await addDepotCharger(otherFleetId, dc1, { actorId });

    expect((await failure(editDepotCharger(fleetId, theirs.id, dc1, { actorId }))).code).toBe("NOT_FOUND");
    expect((await failure(deleteDepotCharger(fleetId, theirs.id, { actorId }))).code).toBe("NOT_FOUND");
    expect((await listDepotChargers(otherFleetId)).map((c) => c.id)).toEqual([theirs.id]);
    expect((await listDepotChargers(fleetId)).map((c) => c.id)).toEqual([mine.id]);

    await deleteDepotCharger(fleetId, mine.id, { actorId });
    await deleteDepotCharger(otherFleetId, theirs.id, { actorId });
  });

  it("imports all or nothing: one bad row changes nothing; a good file adds, replaces and audits", async () => {
    const header = "charger_id,name,latitude,longitude,connectors,address,time_zone";
    const bad = [
      header,
      "BER-CH01,Tempelhof DC 1,52.4668,13.3951,1:IEC_62196_T2_COMBO:150,,",
      "BER-CH05,AC 5,52.4,,1:IEC_62196_T2:22,,",
    ];
    const error = await failure(importDepotChargers(fleetId, bad.join("\n"), { actorId }));
    expect(error.code).toBe("VALIDATION");
    expect(toFailure(error, "test").message).toBe("Nothing was imported: 1 row needs fixing first.");
    expect((error.details as { rows: CsvRowError[] }).rows).toEqual([
      { row: 3, chargerId: "BER-CH05", messages: ["longitude: Enter the longitude"] },
    ]);
    // For a reader of German, the file's problems and the refusal in her words.
    const german = failureWords("de");
    const inGerman = await failure(importDepotChargers(fleetId, bad.join("\n"), { actorId }, german));
    expect(toFailure(inGerman, "test", german)).toMatchObject({
      message: "Nichts wurde importiert: 1 Zeile muss zuerst korrigiert werden.",
      fieldErrors: { csv: ["Zeile 3: longitude: Geben Sie den Längengrad ein"] },
      details: { rows: [{ row: 3, chargerId: "BER-CH05", messages: ["longitude: Geben Sie den Längengrad ein"] }] },
    });
    expect(await listDepotChargers(fleetId)).toEqual([]);

    const first = await importDepotChargers(
      fleetId,
      [
        header,
        "BER-CH01,Tempelhof DC 1,52.4668,13.3951,1:IEC_62196_T2_COMBO:150,,",
        "BER-CH05,Tempelhof AC 5,52.4672,13.3953,1:IEC_62196_T2:22|2:IEC_62196_T2:22,,",
      ].join("\n"),
      { actorId },
    );
    expect(first).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const second = await importDepotChargers(
      fleetId,
      [
        header,
        "BER-CH01,Tempelhof DC 1,52.4668,13.3951,1:IEC_62196_T2_COMBO:150,,",
        "BER-CH05,Tempelhof AC five,52.4672,13.3953,1:IEC_62196_T2:22|2:IEC_62196_T2:22,,",
      ].join("\n"),
      { actorId },
    );
    expect(second).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect((await listDepotChargers(fleetId)).map((c) => c.name)).toEqual(["Tempelhof AC five", "Tempelhof DC 1"]);
    const audited = await db.auditLog.findMany({ where: { fleetId, action: "depot-chargers.import" } });
    expect(audited).toHaveLength(3);
    expect(await listDepotChargers(otherFleetId)).toEqual([]);
  });
});

describe("depot search from the configured chargers", () => {
  const requested: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    requested.push(new URL(String(input instanceof Request ? input.url : input)).pathname);
    return fetch(input, init);
  };
  const providers = sandboxProviders({ limiter: new InMemoryRateLimiter(), fetch: countingFetch });
  const aroundTempelhof = { west: 13.37, south: 52.455, east: 13.42, north: 52.48 };

  it("finds the fleet's own depot chargers on the map, with live status, and nothing of another fleet", async () => {
    const fleetChargers = await fleetChargersFor(fleetId);
    expect(fleetChargers.map((c) => c.chargerId).sort()).toEqual(["BER-CH01", "BER-CH05"]);
    const depotOnly = { ...EMPTY_FILTERS, providers: ["DEPOTFINITY" as const] };
    const result = await searchChargers(aroundTempelhof, depotOnly, {
      adapters: providers.with("search"),
      cache: null,
      fleetChargers,
    });
    expect(result.providers).toMatchObject([{ provider: "DEPOTFINITY", status: "ok" }]);
    const depots = result.chargers.flatMap((c) => c.sources.filter((s) => s.provider === "DEPOTFINITY"));
    expect(depots.map((s) => s.locationId).sort()).toEqual(["BER-CH01", "BER-CH05"]);
    // The sandbox answers availability for its chargers: the status is known.
    expect(result.chargers.every((c) => c.availability !== "unknown")).toBe(true);

    const other = await searchChargers(aroundTempelhof, depotOnly, {
      adapters: providers.with("search"),
      cache: null,
      fleetChargers: await fleetChargersFor(otherFleetId),
    });
    expect(other.chargers).toEqual([]);
    expect(requested.filter((p) => p.endsWith("/v1/chargers"))).toEqual([]);
  });

  it("offers them in the booking wizard, for this fleet only, without the charger list", async () => {
    const bookings = bookingProvidersFrom(providers);
    const query = { provider: "DEPOTFINITY" as const, ...TEMPELHOF, radiusKm: 5 };
    const found = await searchBookableChargers(bookings, { ...query, fleetId });
    expect(found.map((l) => l.locationId).sort()).toEqual(["BER-CH01", "BER-CH05"]);
    const dc = found.find((l) => l.locationId === "BER-CH01");
    expect(dc?.evses[0]).toMatchObject({ evseUid: "BER-CH01", connectorId: "1", charger: { reservable: true } });
    expect(await searchBookableChargers(bookings, { ...query, fleetId: otherFleetId })).toEqual([]);
    expect(requested.filter((p) => p.endsWith("/v1/chargers"))).toEqual([]);
  });

  it("finds a whole sandbox depot once a fleet is configured from it (the test helper other suites use)", async () => {
    const org = await db.organization.create({ data: { name: "Helper org" } });
    const fleet = await db.fleet.create({
      data: { organizationId: org.id, name: "Helper fleet", plugsurfingFleetId: "depot-helper" },
    });
    const ids = await configureSandboxDepotChargers(fleet.id);
    expect(ids).toHaveLength(10);
    const found = await searchBookableChargers(bookingProvidersFrom(providers), {
      fleetId: fleet.id,
      provider: "DEPOTFINITY",
      ...SANDBOX_TEMPELHOF,
      radiusKm: 5,
    });
    expect(found.map((l) => l.locationId).sort()).toEqual([...ids].sort());
  });
});
