import { describe, expect, it } from "vitest";
import { assignVehicles, evseKey, type AssignableEvse, type AssignableVehicle } from "./assign-vehicles";

const CCS = "IEC_62196_T2_COMBO";
const TYPE2 = "IEC_62196_T2";
const CHADEMO = "CHADEMO";

function van(id: string, connectorStandards: string[], maxDcKw: number | null = 80): AssignableVehicle {
  return { id, connectorStandards, batteryKwh: 80, maxAcKw: 11, maxDcKw };
}

function point(
  evseUid: string,
  connectorStandard: string | undefined,
  powerKw: number,
  distanceM: number,
): AssignableEvse {
  const powerType = connectorStandard === TYPE2 ? "AC_3_PHASE" : "DC";
  return {
    locationId: "loc",
    evseUid,
    distanceM,
    charger: {
      connectorStandard: connectorStandard as AssignableEvse["charger"]["connectorStandard"],
      powerKw,
      powerType,
    },
  };
}

/** Each vehicle's charge point uid, or null where it got none. */
const placed = (assignments: ReturnType<typeof assignVehicles>) =>
  Object.fromEntries(assignments.map((a) => [a.vehicle.id, a.evse?.evseUid ?? null]));

describe("assigning vehicles to charge points", () => {
  const cases: Array<{
    name: string;
    vehicles: AssignableVehicle[];
    evses: AssignableEvse[];
    taken?: string[];
    pinned?: Record<string, string>;
    expected: Record<string, string | null>;
  }> = [
    {
      name: "a CCS-only vehicle never gets a CHAdeMO-only point, however near and fast",
      vehicles: [van("ccs", [CCS])],
      evses: [point("chademo", CHADEMO, 150, 10), point("ccs", CCS, 50, 900)],
      expected: { ccs: "ccs" },
    },
    {
      name: "a CCS-only vehicle with only CHAdeMO points about is reported without one",
      vehicles: [van("ccs", [CCS])],
      evses: [point("chademo-1", CHADEMO, 50, 10), point("chademo-2", CHADEMO, 100, 20)],
      expected: { ccs: null },
    },
    {
      name: "a point whose standard its provider does not name is never promised",
      vehicles: [van("ccs", [CCS, TYPE2])],
      evses: [point("unnamed", undefined, 150, 10)],
      expected: { ccs: null },
    },
    {
      name: "two vehicles never get the same charge point; the one left over is reported",
      vehicles: [van("a", [CCS]), van("b", [CCS]), van("c", [CCS])],
      evses: [point("p1", CCS, 150, 100), point("p2", CCS, 150, 200)],
      expected: { a: "p1", b: "p2", c: null },
    },
    {
      name: "the fastest the vehicle can actually use first, then the nearest",
      vehicles: [van("a", [CCS, TYPE2], 80)],
      // 300 kW and 100 kW both give this van 80 kW: the nearer of the two; 22 kW AC gives it 11 kW.
      evses: [point("ac", TYPE2, 22, 5), point("far300", CCS, 300, 800), point("near100", CCS, 100, 300)],
      expected: { a: "near100" },
    },
    {
      name: "a vehicle that could use another moves over, so the one that takes only this one gets it",
      vehicles: [van("both", [CCS, TYPE2]), van("ccsOnly", [CCS])],
      evses: [point("ccs", CCS, 150, 100), point("ac", TYPE2, 22, 100)],
      expected: { both: "ac", ccsOnly: "ccs" },
    },
    {
      name: "charge points held by other lines are left alone",
      vehicles: [van("a", [CCS])],
      evses: [point("p1", CCS, 150, 100), point("p2", CCS, 50, 200)],
      taken: ["loc/p1"],
      expected: { a: "p2" },
    },
    {
      name: "a charge point chosen by hand is kept, and the others fill around it",
      vehicles: [van("a", [CCS]), van("b", [CCS])],
      evses: [point("p1", CCS, 150, 100), point("p2", CCS, 50, 200)],
      pinned: { b: "loc/p1" },
      expected: { a: "p2", b: "p1" },
    },
    {
      name: "a choice by hand the vehicle cannot use is not kept",
      vehicles: [van("ccs", [CCS])],
      evses: [point("chademo", CHADEMO, 150, 10), point("ccs", CCS, 50, 900)],
      pinned: { ccs: "loc/chademo" },
      expected: { ccs: "ccs" },
    },
  ];

  it.each(cases)("$name", ({ vehicles, evses, taken, pinned, expected }) => {
    const assignments = assignVehicles(vehicles, evses, {
      taken: new Set(taken),
      pinned: new Map(Object.entries(pinned ?? {})),
    });
    expect(placed(assignments)).toEqual(expected);
    const keys = assignments.flatMap((a) => (a.evse ? [evseKey(a.evse)] : []));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gives as many vehicles as there are fitting points, distinct, in any fleet mix", () => {
    const vehicles = Array.from({ length: 6 }, (_, i) => van(`v${i}`, i % 3 === 0 ? [CHADEMO, TYPE2] : [CCS]));
    const evses = [
      point("c1", CCS, 150, 10),
      point("c2", CCS, 50, 20),
      point("c3", CCS, 50, 30),
      point("h1", CHADEMO, 50, 5),
      point("t1", TYPE2, 22, 1),
    ];
    const assignments = assignVehicles(vehicles, evses);
    for (const { vehicle, evse } of assignments) {
      if (evse) expect(vehicle.connectorStandards).toContain(evse.charger.connectorStandard);
    }
    const keys = assignments.flatMap((a) => (a.evse ? [evseKey(a.evse)] : []));
    expect(new Set(keys).size).toBe(5);
    // The four CCS vans share three CCS points: one is left without, and said to be.
    expect(assignments.filter((a) => a.evse === null).map((a) => a.vehicle.id)).toHaveLength(1);
  });
});
