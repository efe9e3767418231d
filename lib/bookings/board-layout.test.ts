import { describe, expect, it } from "vitest";
import type { BoardBooking, BoardData, BoardVehicle } from "./board";
import { UNASSIGNED_ROW, boardRows, doubleBookings, movedBooking, moveTo, withMoves } from "./board-layout";

const DAY = { start: "2026-12-03T00:00:00.000Z", end: "2026-12-04T00:00:00.000Z" };

function booking(id: string, from: string, to: string, extra: Partial<BoardBooking> = {}): BoardBooking {
  return {
    id,
    status: "CONFIRMED",
    provider: "PLUGSURFING",
    windowStart: `2026-12-03T${from}:00.000Z`,
    windowEnd: `2026-12-03T${to}:00.000Z`,
    vehicleId: null,
    driverId: null,
    chargerKey: "PLUGSURFING:loc-1:evse-1",
    chargerName: "Depot Nord",
    evseId: "DE*PLG*E1",
    connectorStandard: "IEC_62196_T2_COMBO",
    driverMovable: true,
    vehicleMovable: true,
    ...extra,
  };
}

const vans: BoardVehicle[] = [
  {
    id: "ccs-van",
    plate: "B-CC 1",
    name: null,
    homeDepotId: "nord",
    defaultDriverId: "anna",
    connectorStandards: ["IEC_62196_T2", "IEC_62196_T2_COMBO"],
  },
  {
    id: "chademo-van",
    plate: "B-CH 2",
    name: "Leaf",
    homeDepotId: "sued",
    defaultDriverId: null,
    connectorStandards: ["CHADEMO"],
  },
];

function data(bookings: BoardBooking[]): BoardData {
  return {
    ...DAY,
    bookings,
    vehicles: vans,
    drivers: [
      { id: "anna", name: "Anna" },
      { id: "ben", name: "Ben" },
    ],
    depots: [],
    truncated: false,
  };
}

describe("boardRows", () => {
  it("puts each booking in its vehicle's row, with the unassigned row last", () => {
    const rows = boardRows(
      data([booking("a", "08:00", "10:00", { vehicleId: "ccs-van" }), booking("b", "09:00", "11:00")]),
      "vehicle",
    );
    expect(rows.map((r) => [r.key, r.bars.map((b) => b.booking.id)])).toEqual([
      ["ccs-van", ["a"]],
      ["chademo-van", []],
      [UNASSIGNED_ROW, ["b"]],
    ]);
  });

  it("places bars as shares of the day and clips those running past its edges", () => {
    const [row] = boardRows(
      data([
        booking("a", "06:00", "12:00", { vehicleId: "ccs-van" }),
        booking("b", "22:00", "23:00", { vehicleId: "ccs-van", windowEnd: "2026-12-04T02:00:00.000Z" }),
      ]),
      "vehicle",
    );
    expect(row!.bars.map((b) => [b.left, b.width])).toEqual([
      [25, 25],
      [(22 / 24) * 100, (2 / 24) * 100],
    ]);
  });

  it("gives overlapping bookings of one row their own lanes and reuses a lane once it is free", () => {
    const [row] = boardRows(
      data([
        booking("a", "08:00", "10:00", { vehicleId: "ccs-van" }),
        booking("b", "09:00", "11:00", { vehicleId: "ccs-van" }),
        booking("c", "10:00", "12:00", { vehicleId: "ccs-van" }),
      ]),
      "vehicle",
    );
    expect(row!.bars.map((b) => [b.booking.id, b.lane])).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 0],
    ]);
    expect(row!.lanes).toBe(2);
  });

  it("keeps only the depot's vehicles and their bookings when filtered by depot", () => {
    const rows = boardRows(
      data([booking("a", "08:00", "10:00", { vehicleId: "chademo-van" }), booking("b", "08:00", "10:00")]),
      "vehicle",
      "sued",
    );
    expect(rows.map((r) => [r.key, r.bars.length])).toEqual([
      ["chademo-van", 1],
      [UNASSIGNED_ROW, 0],
    ]);
  });

  it("has a row per booked charge point, sorted by name, and no unassigned row", () => {
    const rows = boardRows(
      data([
        booking("a", "08:00", "10:00", { chargerKey: "k2", chargerName: "Zeche" }),
        booking("b", "08:00", "10:00"),
        booking("c", "11:00", "12:00"),
      ]),
      "charger",
    );
    expect(rows.map((r) => [r.label, r.bars.length])).toEqual([
      ["Depot Nord", 2],
      ["Zeche", 1],
    ]);
  });
});

describe("withMoves", () => {
  it("rebuilds only the rows a move touches, as a full layout of the moved bookings would", () => {
    const before = [
      booking("a", "08:00", "10:00", { vehicleId: "ccs-van" }),
      booking("b", "09:00", "11:00", { vehicleId: "ccs-van" }),
      booking("c", "09:00", "10:00"),
    ];
    const rows = boardRows(data(before), "vehicle");
    const movedB = { ...before[1]!, vehicleId: null };
    const after = withMoves(rows, [movedB], "vehicle", DAY);
    expect(after).toEqual(boardRows(data([before[0]!, movedB, before[2]!]), "vehicle"));
    expect(after[1]).toBe(rows[1]); // the CHAdeMO van's row is untouched
    expect(after[2]!.lanes).toBe(2);
  });
});

describe("doubleBookings", () => {
  it("flags a vehicle at two charge points at once, and a driver too", () => {
    const clashes = doubleBookings([
      booking("a", "08:00", "10:00", { vehicleId: "ccs-van" }),
      booking("b", "09:30", "11:00", { vehicleId: "ccs-van", chargerKey: "k2" }),
      booking("c", "13:00", "14:00", { driverId: "ben" }),
      booking("d", "12:00", "15:00", { driverId: "ben" }),
      booking("e", "08:00", "10:00", { vehicleId: "chademo-van" }),
    ]);
    expect([...clashes].sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("does not flag back-to-back windows, or bookings that no longer hold their place", () => {
    const clashes = doubleBookings([
      booking("a", "08:00", "10:00", { vehicleId: "ccs-van" }),
      booking("b", "10:00", "11:00", { vehicleId: "ccs-van" }),
      booking("c", "08:30", "09:00", { vehicleId: "ccs-van", status: "CANCELLED" }),
    ]);
    expect(clashes.size).toBe(0);
  });

  it("finds an overlap hidden behind a long booking", () => {
    const clashes = doubleBookings([
      booking("long", "06:00", "18:00", { driverId: "anna" }),
      booking("x", "07:00", "08:00", { driverId: "anna" }),
      booking("y", "16:00", "17:00", { driverId: "anna" }),
    ]);
    expect([...clashes].sort()).toEqual(["long", "x", "y"]);
  });
});

describe("moveTo", () => {
  const open = booking("a", "08:00", "10:00", { vehicleId: "ccs-van" });

  it("asks for the other vehicle, or for none on the unassigned row", () => {
    expect(moveTo({ ...open, connectorStandard: null }, "chademo-van", "vehicle", vans)).toEqual({
      ok: true,
      change: { vehicleId: "chademo-van" },
    });
    expect(moveTo(open, UNASSIGNED_ROW, "vehicle", vans)).toEqual({ ok: true, change: { vehicleId: null } });
  });

  it("refuses a vehicle whose inlet does not take the charge point's connector", () => {
    expect(moveTo(open, "chademo-van", "vehicle", vans)).toEqual({ ok: false, reason: "does-not-fit" });
  });

  it("refuses the row it is in, a booking that is over, a driver-token booking and charge point rows", () => {
    expect(moveTo(open, "ccs-van", "vehicle", vans)).toEqual({ ok: false, reason: "same-row" });
    expect(moveTo({ ...open, vehicleMovable: false }, UNASSIGNED_ROW, "vehicle", vans)).toMatchObject({
      reason: "over",
    });
    expect(moveTo({ ...open, driverMovable: false }, "ben", "driver", vans)).toMatchObject({ reason: "driver-token" });
    expect(moveTo(open, "k2", "charger", vans)).toMatchObject({ reason: "charger-fixed" });
  });
});

describe("rows kept for what is gone", () => {
  it("keeps a retired vehicle's and a former driver's row for their bookings, and refuses moves onto them", () => {
    const retired: BoardVehicle = { ...vans[0]!, id: "old-van", plate: "B-OLD 9", retired: true };
    const board = {
      ...data([booking("a", "08:00", "10:00", { vehicleId: "old-van", driverId: "gone" })]),
      vehicles: [...vans, retired],
    };
    board.drivers = [...board.drivers, { id: "gone", name: "Gina Gone", former: true }];
    const byVehicle = boardRows(board, "vehicle");
    expect(byVehicle.find((r) => r.key === "old-van")).toMatchObject({ gone: true, label: "B-OLD 9" });
    expect(boardRows(board, "driver").find((r) => r.key === "gone")).toMatchObject({ gone: true });

    const other = booking("b", "11:00", "12:00", { vehicleId: "ccs-van", driverId: "anna" });
    expect(moveTo(other, "old-van", "vehicle", board.vehicles)).toEqual({ ok: false, reason: "retired-vehicle" });
    expect(moveTo(other, "gone", "driver", board.vehicles, board.drivers)).toEqual({
      ok: false,
      reason: "former-driver",
    });
  });
});

describe("movedBooking", () => {
  it("brings the new vehicle's default driver along when the booking can change hands", () => {
    const b = booking("a", "08:00", "10:00", { driverId: "ben" });
    expect(movedBooking(b, { vehicleId: "ccs-van" }, vans)).toMatchObject({ vehicleId: "ccs-van", driverId: "anna" });
    expect(movedBooking({ ...b, driverMovable: false }, { vehicleId: "ccs-van" }, vans)).toMatchObject({
      driverId: "ben",
    });
    expect(movedBooking(b, { vehicleId: "chademo-van" }, vans)).toMatchObject({ driverId: "ben" });
  });
});
