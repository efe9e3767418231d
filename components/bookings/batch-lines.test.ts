import { describe, expect, it } from "vitest";
import type { BookableEvse } from "@/lib/bookings/chargers";
import type { BookableVehicle } from "@/lib/vehicles/compatibility";
import { layOutLines } from "./batch-lines";

const CCS = "IEC_62196_T2_COMBO";

function evse(evseUid: string, powerKw: number, distanceM: number): BookableEvse {
  return {
    locationId: "loc",
    evseUid,
    distanceM,
    charger: {
      name: "Depot",
      latitude: 52.5,
      longitude: 13.4,
      timeZone: "Europe/Berlin",
      reservable: true,
      connectorStandard: CCS,
      powerType: "DC",
      powerKw,
    },
  };
}

function van(id: string, defaultDriverId: string | null): BookableVehicle {
  return {
    id,
    plate: id,
    name: null,
    connectorStandards: [CCS],
    batteryKwh: 60,
    maxAcKw: 11,
    maxDcKw: 150,
    defaultDriverId,
  };
}

const evses = [evse("fast", 150, 500), evse("slow", 50, 100), evse("spare", 22, 50)];
const summary = (lines: ReturnType<typeof layOutLines>) =>
  lines.map((l) => [l.evse.evseUid, l.vehicleId ?? null, l.driverId ?? null]);

describe("the batch form's lines", () => {
  it("puts each chosen vehicle first, at its charge point, with its regular driver; ticked points follow", () => {
    const lines = layOutLines({
      vehicles: [van("a", "dora"), van("b", null)],
      evses,
      current: [],
      ticked: new Set(["loc/spare"]),
      pins: new Map(),
    });
    expect(summary(lines)).toEqual([
      ["fast", "a", "dora"],
      ["slow", "b", null],
      ["spare", null, null],
    ]);
  });

  it("keeps the driver chosen for a vehicle, or none, when the lines are laid out again", () => {
    const lines = layOutLines({
      vehicles: [van("a", "dora"), van("b", "dirk")],
      evses,
      current: [
        { locationId: "loc", evseUid: "fast", vehicleId: "a", driverId: "dirk" },
        { locationId: "loc", evseUid: "slow", vehicleId: "b", driverId: undefined },
        { locationId: "loc", evseUid: "spare", driverId: "dora" },
      ],
      ticked: new Set(["loc/spare"]),
      pins: new Map([["a", "loc/slow"]]),
    });
    expect(summary(lines)).toEqual([
      ["slow", "a", "dirk"],
      ["fast", "b", null],
      ["spare", null, "dora"],
    ]);
  });

  it("gives no line to a vehicle no charge point is left for", () => {
    const lines = layOutLines({
      vehicles: [van("a", null), van("b", null)],
      evses: [evse("only", 150, 10)],
      current: [],
      ticked: new Set(),
      pins: new Map(),
    });
    expect(summary(lines)).toEqual([["only", "a", null]]);
  });
});
