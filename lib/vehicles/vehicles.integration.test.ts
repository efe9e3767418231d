// Vehicles against PostgreSQL: changes with their audit entries, references that must be the fleet's own, one
// fleet never touching another's, and the import's preview and all-or-nothing write.
import { beforeAll, describe, expect, it } from "vitest";
import { failureWords, toFailure } from "@/lib/actions/errors";
import { db } from "@/lib/db";
import { isDomainError, type DomainError } from "@/lib/errors";
import type { VehicleCsvError } from "./csv";
import type { VehicleValues } from "./schemas";
import { listVehiclesInput } from "./schemas";
import {
  addVehicle,
  editVehicle,
  importVehicles,
  listVehicles,
  previewVehicleImport,
  setVehicleRetired,
  vehicleOptions,
} from "./vehicles";

const RUN = Math.random().toString(36).slice(2, 8);
let fleetId = "";
let otherFleetId = "";
let actor = { actorId: "", ip: null as string | null };
let driverId = "";
let otherDriverId = "";
let depotId = "";
let otherDepotId = "";
let keyId = "";

const van = (plate: string, extra: Partial<VehicleValues> = {}): VehicleValues => ({
  plate,
  name: undefined,
  make: undefined,
  model: undefined,
  batteryKwh: 90,
  connectorStandards: ["IEC_62196_T2", "IEC_62196_T2_COMBO"],
  maxAcKw: 11,
  maxDcKw: 80,
  homeDepotId: undefined,
  defaultDriverId: undefined,
  chargingKeyId: undefined,
  petitMondeTokenId: undefined,
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

const list = (filters: Record<string, unknown> = {}) => listVehicles(listVehiclesInput.parse({ fleetId, ...filters }));

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: `Vehicle org ${RUN}` } });
  const fleet = (name: string) =>
    db.fleet.create({ data: { organizationId: org.id, name, plugsurfingFleetId: `veh-${name}-${RUN}` } });
  fleetId = (await fleet("a")).id;
  otherFleetId = (await fleet("b")).id;
  actor = {
    actorId: (
      await db.user.create({ data: { email: `veh-admin-${RUN}@test.local`, name: "Admin", passwordHash: "x" } })
    ).id,
    ip: "203.0.113.7",
  };
  const driver = async (label: string, fleet: string) => {
    const user = await db.user.create({
      data: { email: `${label}-${RUN}@test.local`, name: `Driver ${label}`, passwordHash: "x" },
    });
    await db.membership.create({ data: { userId: user.id, fleetId: fleet, role: "DRIVER" } });
    return user.id;
  };
  driverId = await driver("dora", fleetId);
  otherDriverId = await driver("olga", otherFleetId);
  depotId = (await db.depot.create({ data: { fleetId, name: "Tempelhof", latitude: 52.46, longitude: 13.39 } })).id;
  otherDepotId = (
    await db.depot.create({ data: { fleetId: otherFleetId, name: "Hamburg", latitude: 53.5, longitude: 10 } })
  ).id;
  keyId = (
    await db.chargingKey.create({
      data: {
        provider: "PLUGSURFING",
        keyId: `K${RUN}`,
        fleetId,
        visualNumber: `DE-VEH-${RUN}`,
        type: "RFID_CARD",
        source: "EMP",
      },
    })
  ).id;
});

describe("vehicles", () => {
  it("adds, edits and retires a vehicle, each change with its audit entry", async () => {
    const added = await addVehicle(
      fleetId,
      van("b-fc 100", { homeDepotId: depotId, defaultDriverId: driverId }),
      actor,
    );
    expect(added).toMatchObject({ plate: "B-FC 100", homeDepot: { id: depotId }, defaultDriver: { id: driverId } });
    const edited = await editVehicle(
      fleetId,
      added.id,
      van("B-FC 100", { name: "Van 1", chargingKeyId: keyId }),
      actor,
    );
    expect(edited).toMatchObject({ name: "Van 1", homeDepot: null, chargingKey: { label: `DE-VEH-${RUN}` } });
    const retired = await setVehicleRetired(fleetId, added.id, true, actor);
    expect(retired.retiredAt).not.toBeNull();
    expect((await list()).rows.map((r) => r.id)).not.toContain(added.id);
    expect((await list({ status: "retired" })).rows.map((r) => r.id)).toEqual([added.id]);
    await setVehicleRetired(fleetId, added.id, false, actor);

    const entries = await db.auditLog.findMany({
      where: { fleetId, objectId: added.id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(entries.map((e) => e.action)).toEqual([
      "vehicles.add",
      "vehicles.edit",
      "vehicles.retire",
      "vehicles.reinstate",
    ]);
    expect(entries[1].before).toMatchObject({ homeDepotId: depotId, name: null });
    expect(entries[1].after).toMatchObject({ homeDepotId: null, name: "Van 1" });
    expect(entries.every((e) => e.actorId === actor.actorId && e.ip === actor.ip)).toBe(true);
  });

  it("refuses a second vehicle with the same plate however it is spaced, beside the plate field", async () => {
    await addVehicle(fleetId, van("B-DU 200"), actor);
    const error = await failure(addVehicle(fleetId, van("b du200"), actor));
    expect(error.code).toBe("CONFLICT");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["plate"]);
    // Another fleet may have the same plate.
    await expect(addVehicle(otherFleetId, van("B-DU 200"), actor)).resolves.toMatchObject({ plate: "B-DU 200" });
  });

  it("refuses a depot, driver or key of another fleet, each beside its field, and changes nothing", async () => {
    const before = await db.vehicle.count();
    const error = await failure(
      addVehicle(
        fleetId,
        van("B-XX 1", { homeDepotId: otherDepotId, defaultDriverId: otherDriverId, chargingKeyId: "nope" }),
        actor,
      ),
    );
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["chargingKeyId", "defaultDriverId", "homeDepotId"]);
    expect(await db.vehicle.count()).toBe(before);
    // Nor can another fleet's admin reach this fleet's vehicle by its id.
    const mine = await addVehicle(fleetId, van("B-MY 1"), actor);
    expect((await failure(editVehicle(otherFleetId, mine.id, van("B-MY 1"), actor))).code).toBe("NOT_FOUND");
    expect((await failure(setVehicleRetired(otherFleetId, mine.id, true, actor))).code).toBe("NOT_FOUND");
  });

  it("filters by search, connector, depot and driver, sorts and pages", async () => {
    await addVehicle(
      fleetId,
      van("B-LE 1", { make: "Nissan", connectorStandards: ["IEC_62196_T2", "CHADEMO"], maxDcKw: 46 }),
      actor,
    );
    await addVehicle(
      fleetId,
      van("B-LE 2", { make: "nissan", defaultDriverId: driverId, homeDepotId: depotId }),
      actor,
    );
    expect((await list({ q: "NISSAN" })).rows.map((r) => r.plate)).toEqual(["B-LE 1", "B-LE 2"]);
    expect((await list({ q: "ble 2" })).rows.map((r) => r.plate)).toEqual(["B-LE 2"]);
    expect((await list({ standard: "CHADEMO" })).rows.map((r) => r.plate)).toEqual(["B-LE 1"]);
    expect((await list({ depotId })).rows.map((r) => r.plate)).toEqual(["B-LE 2"]);
    expect((await list({ driverId })).rows.map((r) => r.plate)).toEqual(["B-LE 2"]);
    for (const plate of ["B-PG 1", "B-PG 2"]) await addVehicle(fleetId, van(plate), actor);
    const sorted = await list({ sort: "maxDcKw", dir: "asc", pageSize: 5 });
    expect(sorted.rows[0].plate).toBe("B-LE 1");
    expect(sorted.total).toBeGreaterThan(5);
    const page2 = await list({ sort: "maxDcKw", dir: "asc", pageSize: 5, page: 2 });
    expect(page2.rows.map((r) => r.id)).not.toContain(sorted.rows[0].id);
    expect((await vehicleOptions(fleetId)).drivers.map((d) => d.id)).toEqual([driverId]);
  });
});

describe("vehicle import", () => {
  const header = "plate,name,battery_kwh,connectors,max_ac_kw,max_dc_kw,home_depot,default_driver,charging_key";

  it("previews and refuses a file with one bad line by line and column, then imports the fixed file whole", async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `B-IM ${i + 1},Van ${i + 1},75,Type 2|CCS,11,100,tempelhof,,`);
    lines[6] = `B-IM 7,Van 7,75,Type 2|CCS,11,100,Tempelhof,olga-${RUN}@test.local,`;
    const bad = [header, ...lines].join("\n");
    const plan = await previewVehicleImport(fleetId, bad);
    expect(plan.errors).toEqual([
      {
        line: 8,
        plate: "B-IM 7",
        problems: [
          { column: "default_driver", message: `No driver of this fleet has the email “olga-${RUN}@test.local”.` },
        ],
      },
    ]);
    const error = await failure(importVehicles(fleetId, bad, actor));
    expect((error.details as { rows: VehicleCsvError[] }).rows.map((r) => r.line)).toEqual([8]);
    // In the reader's words, as the action says it.
    expect(toFailure(error, "test", failureWords("de")).message).toContain("1 Zeile");
    expect(await db.vehicle.count({ where: { fleetId, plateKey: { startsWith: "BIM" } } })).toBe(0);

    lines[6] = `B-IM 7,Van 7,75,Type 2|CCS,11,100,Tempelhof,dora-${RUN}@test.local,DE-VEH-${RUN}`;
    const good = [header, ...lines].join("\n");
    expect((await previewVehicleImport(fleetId, good)).counts).toEqual({ create: 20, update: 0, unchanged: 0 });
    expect(await importVehicles(fleetId, good, actor)).toEqual({ create: 20, update: 0, unchanged: 0 });
    const seventh = await db.vehicle.findFirstOrThrow({ where: { fleetId, plateKey: "BIM7" } });
    expect(seventh).toMatchObject({ homeDepotId: depotId, defaultDriverId: driverId, chargingKeyId: keyId });
    expect(await db.auditLog.count({ where: { fleetId, action: "vehicles.import" } })).toBe(20);

    // Again with one change, and a file without some columns: those stay as they are.
    const again = [
      "plate,battery_kwh,connectors,max_ac_kw,max_dc_kw",
      "B-IM 7,77,Type 2|CCS,11,100",
      "B-IM 8,75,Type 2|CCS,11,100",
    ].join("\n");
    const second = await previewVehicleImport(fleetId, again);
    expect(second.changes.map((c) => [c.plate, c.change, c.columns])).toEqual([
      ["B-IM 7", "update", ["battery_kwh"]],
      ["B-IM 8", "unchanged", []],
    ]);
    await importVehicles(fleetId, again, actor);
    expect(await db.vehicle.findUniqueOrThrow({ where: { id: seventh.id } })).toMatchObject({
      batteryKwh: 77,
      name: "Van 7",
      defaultDriverId: driverId,
    });
  });

  it("never imports into or from another fleet", async () => {
    const csv = [header, `B-OT 1,Other,60,CCS,,100,Hamburg,olga-${RUN}@test.local,`].join("\n");
    const plan = await previewVehicleImport(fleetId, csv);
    expect(plan.errors[0].problems.map((p) => p.column)).toEqual(["home_depot", "default_driver"]);
    await expect(importVehicles(otherFleetId, csv, actor)).resolves.toEqual({ create: 1, update: 0, unchanged: 0 });
    expect(await db.vehicle.count({ where: { fleetId, plateKey: "BOT1" } })).toBe(0);
  });
});
