// The dispatch board's layout, apart from React: rows by vehicle, driver or charge point; each booking's bar
// placed on the time axis and in a lane of its row so overlapping bars stay visible; the bookings that put a
// vehicle or a driver in two places at once; and what a drop onto another row would change.
import type { BookingStatus } from "@/lib/domain";
import type { BoardBooking, BoardData, BoardDriver, BoardVehicle } from "./board";

/** The board shows a day or the seven days from one (no zod here: this module is the browser's). */
export const BOARD_SPANS = ["day", "week"] as const;
export type BoardSpan = (typeof BOARD_SPANS)[number];

export const BOARD_GROUPINGS = ["vehicle", "driver", "charger"] as const;
export type BoardGrouping = (typeof BOARD_GROUPINGS)[number];

/** The row of bookings with no vehicle (or no driver) yet. */
export const UNASSIGNED_ROW = "unassigned";

/** Bookings that no longer hold the charge point, the vehicle or the driver: never a double booking. */
const RELEASED: readonly BookingStatus[] = ["CANCELLED", "EXPIRED", "NO_SHOW", "FAILED"];

export interface PlacedBar {
  booking: BoardBooking;
  /** Share of the period in view, 0–100, where the bar starts and how wide it is. */
  left: number;
  width: number;
  /** 0 for the first lane of its row; bookings that overlap in time get the next free lane. */
  lane: number;
}

export interface BoardRow {
  key: string;
  kind: BoardGrouping | typeof UNASSIGNED_ROW;
  /** A vehicle's plate, a driver's or a charge point's name; empty for the unassigned row (the screen names it). */
  label: string;
  detail: string | null;
  /** A retired vehicle's or a former driver's row, kept for the bookings still in it (and only while they are). */
  gone: boolean;
  bars: PlacedBar[];
  lanes: number;
}

/** Which row a booking is drawn in. */
export function rowKeyOf(booking: BoardBooking, grouping: BoardGrouping): string {
  switch (grouping) {
    case "vehicle":
      return booking.vehicleId ?? UNASSIGNED_ROW;
    case "driver":
      return booking.driverId ?? UNASSIGNED_ROW;
    case "charger":
      return booking.chargerKey;
  }
}

/** By window start, then id: ISO instants of one format sort as text, without a locale's collation (which is slow). */
function byStart(a: BoardBooking, b: BoardBooking): number {
  if (a.windowStart !== b.windowStart) return a.windowStart < b.windowStart ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const names = new Intl.Collator(undefined, { numeric: true });

function place(bookings: BoardBooking[], start: number, end: number): { bars: PlacedBar[]; lanes: number } {
  const span = end - start;
  const sorted = [...bookings].sort(byStart);
  // Greedy interval partitioning: each bar takes the first lane whose last bar has ended.
  const laneEnds: number[] = [];
  const bars = sorted.map((booking) => {
    const from = Math.max(Date.parse(booking.windowStart), start);
    const to = Math.min(Date.parse(booking.windowEnd), end);
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= from);
    if (lane === -1) lane = laneEnds.push(to) - 1;
    else laneEnds[lane] = to;
    return { booking, left: ((from - start) / span) * 100, width: (Math.max(to - from, 0) / span) * 100, lane };
  });
  return { bars, lanes: Math.max(laneEnds.length, 1) };
}

/** A depot filter keeps the depot's vehicles and the bookings made for them. */
function inDepot(data: BoardData, depotId: string | null): (booking: BoardBooking) => boolean {
  if (!depotId) return () => true;
  const depotVehicles = new Set(data.vehicles.filter((v) => v.homeDepotId === depotId).map((v) => v.id));
  return (booking) => booking.vehicleId !== null && depotVehicles.has(booking.vehicleId);
}

export function boardRows(data: BoardData, grouping: BoardGrouping, depotId: string | null = null): BoardRow[] {
  const start = Date.parse(data.start);
  const end = Date.parse(data.end);
  const shown = data.bookings.filter(inDepot(data, depotId));
  const byRow = new Map<string, BoardBooking[]>();
  for (const booking of shown) {
    const key = rowKeyOf(booking, grouping);
    const list = byRow.get(key);
    if (list) list.push(booking);
    else byRow.set(key, [booking]);
  }
  const row = (key: string, kind: BoardRow["kind"], label: string, detail: string | null, gone = false): BoardRow => ({
    key,
    kind,
    label,
    detail,
    gone,
    ...place(byRow.get(key) ?? [], start, end),
  });

  const rows: BoardRow[] = [];
  if (grouping === "vehicle") {
    for (const v of data.vehicles) {
      if (depotId && v.homeDepotId !== depotId) continue;
      rows.push(row(v.id, "vehicle", v.plate, v.name, v.retired ?? false));
    }
  } else if (grouping === "driver") {
    const depotDrivers = depotId
      ? new Set(data.vehicles.filter((v) => v.homeDepotId === depotId).map((v) => v.defaultDriverId))
      : null;
    for (const d of data.drivers) {
      if (depotDrivers && !depotDrivers.has(d.id) && !byRow.has(d.id)) continue;
      rows.push(row(d.id, "driver", d.name, null, d.former ?? false));
    }
  } else {
    // Only charge points booked in the period: the board is not a map.
    const seen = new Map<string, BoardBooking>();
    for (const b of shown) if (!seen.has(b.chargerKey)) seen.set(b.chargerKey, b);
    const chargers = [...seen.values()].sort((a, b) => names.compare(a.chargerName, b.chargerName));
    for (const b of chargers) rows.push(row(b.chargerKey, "charger", b.chargerName, b.evseId));
  }
  if (grouping !== "charger") rows.push(row(UNASSIGNED_ROW, UNASSIGNED_ROW, "", null));
  return rows;
}

/**
 * The rows after some bookings moved (`moved`, as they are now), rebuilding only the rows they left and
 * joined: on a board of 500 vehicles a drop redraws two rows, and every other row stays the same object.
 */
export function withMoves(
  rows: BoardRow[],
  moved: readonly BoardBooking[],
  grouping: BoardGrouping,
  period: { start: string; end: string },
): BoardRow[] {
  if (moved.length === 0) return rows;
  const movedIds = new Set(moved.map((b) => b.id));
  const joining = new Map<string, BoardBooking[]>();
  for (const b of moved) {
    const key = rowKeyOf(b, grouping);
    joining.set(key, [...(joining.get(key) ?? []), b]);
  }
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  return rows.map((row) => {
    const leaving = row.bars.some((bar) => movedIds.has(bar.booking.id));
    const arriving = joining.get(row.key);
    if (!leaving && !arriving) return row;
    const kept = row.bars.map((bar) => bar.booking).filter((b) => !movedIds.has(b.id));
    return { ...row, ...place([...kept, ...(arriving ?? [])], start, end) };
  });
}

/**
 * The bookings that put one vehicle, or one driver, at two charge points at once: both of an overlapping pair.
 * Only bookings that still hold their place count; touching windows (one ends as the next starts) do not.
 */
export function doubleBookings(bookings: readonly BoardBooking[]): Set<string> {
  const clashing = new Set<string>();
  const holding = bookings.filter((b) => !RELEASED.includes(b.status));
  for (const keyOf of [(b: BoardBooking) => b.vehicleId, (b: BoardBooking) => b.driverId]) {
    const groups = new Map<string, BoardBooking[]>();
    for (const b of holding) {
      const key = keyOf(b);
      if (!key) continue;
      const list = groups.get(key);
      if (list) list.push(b);
      else groups.set(key, [b]);
    }
    for (const list of groups.values()) {
      list.sort(byStart);
      // Sweep: the booking reaching furthest so far overlaps the next one when it ends after that one starts.
      let furthest = list[0]!;
      for (const b of list.slice(1)) {
        if (Date.parse(b.windowStart) < Date.parse(furthest.windowEnd)) {
          clashing.add(b.id);
          clashing.add(furthest.id);
        }
        if (Date.parse(b.windowEnd) > Date.parse(furthest.windowEnd)) furthest = b;
      }
    }
  }
  return clashing;
}

export type MoveRefusal =
  "same-row" | "over" | "driver-token" | "does-not-fit" | "charger-fixed" | "retired-vehicle" | "former-driver";

export type Move =
  { ok: true; change: { vehicleId?: string | null; driverId?: string | null } } | { ok: false; reason: MoveRefusal };

/**
 * What dropping a booking on a row asks the server for, or why the board refuses it before asking (the
 * server checks again). A charge point row is never a target: the provider holds the booking at its charger.
 */
export function moveTo(
  booking: BoardBooking,
  targetKey: string,
  grouping: BoardGrouping,
  vehicles: readonly BoardVehicle[],
  drivers: readonly BoardDriver[] = [],
): Move {
  if (grouping === "charger") return { ok: false, reason: "charger-fixed" };
  if (rowKeyOf(booking, grouping) === targetKey) return { ok: false, reason: "same-row" };
  const target = targetKey === UNASSIGNED_ROW ? null : targetKey;
  if (grouping === "driver") {
    if (!booking.vehicleMovable) return { ok: false, reason: "over" };
    if (!booking.driverMovable) return { ok: false, reason: "driver-token" };
    if (target && drivers.find((d) => d.id === target)?.former) return { ok: false, reason: "former-driver" };
    return { ok: true, change: { driverId: target } };
  }
  if (!booking.vehicleMovable) return { ok: false, reason: "over" };
  const vehicle = target ? vehicles.find((v) => v.id === target) : undefined;
  if (vehicle?.retired) return { ok: false, reason: "retired-vehicle" };
  if (vehicle && booking.connectorStandard) {
    if (!vehicle.connectorStandards.includes(booking.connectorStandard)) {
      return { ok: false, reason: "does-not-fit" };
    }
  }
  return { ok: true, change: { vehicleId: target } };
}

/** The booking as the board draws it right after a move, before the server's answer comes back. */
export function movedBooking(
  booking: BoardBooking,
  change: { vehicleId?: string | null; driverId?: string | null },
  vehicles: readonly BoardVehicle[],
): BoardBooking {
  let { vehicleId, driverId } = booking;
  if (change.vehicleId !== undefined) {
    vehicleId = change.vehicleId;
    const vehicle = vehicles.find((v) => v.id === change.vehicleId);
    if (vehicle?.defaultDriverId && booking.driverMovable) driverId = vehicle.defaultDriverId;
  }
  if (change.driverId !== undefined) driverId = change.driverId;
  return { ...booking, vehicleId, driverId };
}
