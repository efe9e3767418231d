// The audit log read in PostgreSQL: one fleet's entries only, filtered by action, actor, object type and days
// in the reader's time zone, paged, and each told in words with its object's name.
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AUDIT_PAGE_SIZE, auditFilterOptions, listAuditEntries, MAX_AUDIT_PAGE } from "./list-audit-entries";

let fleetId: string;
let alex: string;
let dora: string;

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Audit org" } });
  fleetId = (await db.fleet.create({ data: { organizationId: org.id, name: "Audit", plugsurfingFleetId: "audit-a" } }))
    .id;
  const otherFleetId = (
    await db.fleet.create({ data: { organizationId: org.id, name: "Other", plugsurfingFleetId: "audit-b" } })
  ).id;
  alex = (await db.user.create({ data: { email: "alex@audit.test", name: "Alex Admin", passwordHash: "x" } })).id;
  dora = (await db.user.create({ data: { email: "dora@audit.test", name: "Dora Driver", passwordHash: "x" } })).id;
  const key = await db.chargingKey.create({
    data: { provider: "PLUGSURFING", keyId: "04AUDIT", fleetId, name: "Card 12", type: "RFID_CARD", source: "EMP" },
  });
  const entry = (at: string, data: Omit<Prisma.AuditLogUncheckedCreateInput, "fleetId" | "at">) =>
    db.auditLog.create({ data: { fleetId, at: new Date(at), ...data } });
  // 1 Dec 2026 07:38 in Berlin is 06:38 UTC; 23:30 UTC on 1 Dec is already 2 Dec in Berlin.
  await entry("2026-12-01T06:38:00Z", {
    actorId: alex,
    action: "keys.disable",
    objectType: "ChargingKey",
    objectId: key.id,
    before: { enabled: true },
    after: { enabled: false },
  });
  await entry("2026-12-01T23:30:00Z", {
    actorId: alex,
    action: "depot-chargers.delete",
    objectType: "DepotCharger",
    objectId: "gone",
    before: { name: "Yard charger 3" },
  });
  await entry("2026-12-02T09:00:00Z", {
    actorId: dora,
    action: "auth.denied",
    objectType: "Route",
    objectId: "reports.get",
  });
  await entry("2026-12-03T09:00:00Z", { actorId: null, action: "demo.seed", objectType: "Fleet", objectId: fleetId });
  // Another fleet's entry never shows.
  await db.auditLog.create({
    data: { fleetId: otherFleetId, actorId: alex, action: "keys.enable", objectType: "ChargingKey", objectId: key.id },
  });
});

describe("the audit log", () => {
  it("tells the fleet's entries in words, newest first", async () => {
    const { entries, hasMore } = await listAuditEntries(fleetId);
    expect(hasMore).toBe(false);
    expect(entries.map((e) => e.sentence)).toEqual([
      "The system set up the demo data",
      "Dora Driver was refused permission to read the cost report",
      "Alex Admin deleted depot charger 'Yard charger 3'",
      "Alex Admin disabled charging key 'Card 12'",
    ]);
    expect(entries[3]).toMatchObject({ at: "2026-12-01T06:38:00.000Z", after: { enabled: false } });
  });

  it("filters by action, actor and object type", async () => {
    const disabled = await listAuditEntries(fleetId, { action: "keys.disable" });
    expect(disabled.entries.map((e) => e.sentence)).toEqual(["Alex Admin disabled charging key 'Card 12'"]);
    const doras = await listAuditEntries(fleetId, { actorId: dora });
    expect(doras.entries).toHaveLength(1);
    const chargers = await listAuditEntries(fleetId, { objectType: "DepotCharger", actorId: alex });
    expect(chargers.entries.map((e) => e.objectType)).toEqual(["DepotCharger"]);
    expect((await listAuditEntries(fleetId, { action: "keys.enable" })).entries).toEqual([]);
  });

  it("answers any page number from the URL, however large, without an error", async () => {
    for (const page of [1e300, 99_999_999_999, -5, Number.NaN]) {
      const result = await listAuditEntries(fleetId, { page });
      expect(result.page).toBeGreaterThanOrEqual(1);
    }
    expect((await listAuditEntries(fleetId, { page: 99_999_999_999 })).entries).toEqual([]);
  });

  it("filters by calendar days in the reader's time zone", async () => {
    const berlin = await listAuditEntries(fleetId, { from: "2026-12-01", to: "2026-12-01" }, "Europe/Berlin");
    expect(berlin.entries.map((e) => e.sentence)).toEqual(["Alex Admin disabled charging key 'Card 12'"]);
    const utc = await listAuditEntries(fleetId, { from: "2026-12-01", to: "2026-12-01" }, "UTC");
    expect(utc.entries).toHaveLength(2);
    const since = await listAuditEntries(fleetId, { from: "2026-12-03" }, "Europe/Berlin");
    expect(since.entries.map((e) => e.sentence)).toEqual(["The system set up the demo data"]);
  });

  it("pages through a long log", async () => {
    const org = await db.organization.create({ data: { name: "Busy org" } });
    const busy = (await db.fleet.create({ data: { organizationId: org.id, name: "Busy", plugsurfingFleetId: "busy" } }))
      .id;
    await db.auditLog.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 3 }, (_, i) => ({
        fleetId: busy,
        actorId: alex,
        action: "sessions.sync-now",
        objectType: "ChargingSessionSync",
        at: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    });
    const first = await listAuditEntries(busy, { page: 1 });
    expect([first.entries.length, first.hasMore]).toEqual([AUDIT_PAGE_SIZE, true]);
    const second = await listAuditEntries(busy, { page: 2 });
    expect([second.entries.length, second.hasMore, second.page]).toEqual([3, false, 2]);
    expect(second.entries.at(-1)?.at).toBe("2026-01-01T00:00:00.000Z");
  });

  it("pages older and newer by cursor, through entries of equal times, as the page numbers do", async () => {
    const org = await db.organization.create({ data: { name: "Cursor org" } });
    const fleet = (
      await db.fleet.create({ data: { organizationId: org.id, name: "Cursor", plugsurfingFleetId: "cursor" } })
    ).id;
    // Three entries a minute: pages end inside a run of equal times.
    const count = 2 * AUDIT_PAGE_SIZE + 4;
    await db.auditLog.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        id: `cur-${String(i).padStart(4, "0")}`,
        fleetId: fleet,
        actorId: alex,
        action: i % 2 ? "keys.disable" : "keys.enable",
        objectType: "ChargingKey",
        at: new Date(Date.UTC(2026, 0, 1, 0, Math.floor(i / 3))),
      })),
    });
    const ids = (r: { entries: Array<{ id: string }> }) => r.entries.map((e) => e.id);
    const byNumber = [1, 2, 3].map((page) => listAuditEntries(fleet, { page }));
    const [one, two, three] = await Promise.all(byNumber);
    expect(one.newer).toBeNull();
    const second = await listAuditEntries(fleet, { page: 2, before: one.older });
    expect([ids(second), second.page, second.hasMore]).toEqual([ids(two), 2, true]);
    const third = await listAuditEntries(fleet, { page: 3, before: second.older });
    expect([ids(third), third.page, third.hasMore, third.older]).toEqual([ids(three), 3, false, null]);
    expect(ids(third)).toHaveLength(4);
    const back = await listAuditEntries(fleet, { page: 2, after: third.newer });
    expect([ids(back), back.page, back.hasMore]).toEqual([ids(two), 2, true]);
    // Nothing newer than a whole page: the first page, by number.
    const top = await listAuditEntries(fleet, { page: 1, after: back.newer });
    expect([ids(top), top.page, top.newer]).toEqual([ids(one), 1, null]);
    // Filters hold with a cursor; a cursor that is no cursor is read as none.
    const disabled = await listAuditEntries(fleet, { action: "keys.disable", page: 2, before: one.older });
    expect(disabled.entries.every((e) => e.action === "keys.disable")).toBe(true);
    const deep = await listAuditEntries(fleet, { page: 5_000, before: one.older });
    expect([ids(deep), deep.page]).toEqual([ids(two), 5_000]);
    expect((await listAuditEntries(fleet, { page: 5_000 })).page).toBe(MAX_AUDIT_PAGE);
    for (const before of [
      "nonsense",
      "_x",
      "2026-01-01T00:00:00.000Z_",
      "not-a-date_x",
      "-271821-04-20T00:00:00.000Z_x",
    ]) {
      expect(ids(await listAuditEntries(fleet, { page: 1, before }))).toEqual(ids(one));
    }
  });

  it("offers the filter choices of this fleet's log, in words", async () => {
    const options = await auditFilterOptions(fleetId);
    expect(options.actions.map((a) => a.label)).toEqual([
      "Deleted a depot charger",
      "Disabled a charging key",
      "Set up the demo data",
      "Was refused access",
    ]);
    expect(options.actors).toEqual([
      { value: alex, label: "Alex Admin" },
      { value: dora, label: "Dora Driver" },
    ]);
    expect(options.objectTypes.map((o) => o.label)).toEqual([
      "Charging keys",
      "Depot chargers",
      "Pages and downloads",
      "The fleet",
    ]);
  });
});
