// What the dispatch board draws: the fleet's bookings whose window touches the day or week in view, with the
// vehicles, drivers and depots its rows are made of. One read; the layout is lib/bookings/board-layout.ts.
import "server-only";
import { db } from "@/lib/db";
import { periodInZone } from "@/lib/reports/period";
import type { BookingStatus, ProviderName } from "@/lib/domain";
import type { BoardSpan } from "./board-layout";
import type { ChargerSnapshot } from "./schemas";
import { ASSIGNABLE_STRATEGIES } from "./assign-booking";
import { isFinal } from "./state-machine";

export interface BoardBooking {
  id: string;
  status: BookingStatus;
  provider: ProviderName;
  windowStart: string;
  windowEnd: string;
  vehicleId: string | null;
  driverId: string | null;
  /** The charge point's row on the board: one per EVSE of a location. */
  chargerKey: string;
  chargerName: string;
  evseId: string | null;
  connectorStandard: string | null;
  /** Another driver may take it over (fleet-paid and not over). */
  driverMovable: boolean;
  /** Another vehicle may take it (not over). */
  vehicleMovable: boolean;
}

export interface BoardVehicle {
  id: string;
  plate: string;
  name: string | null;
  homeDepotId: string | null;
  defaultDriverId: string | null;
  connectorStandards: string[];
  /** Retired since a booking in view was made for it: its row stays, and takes no more bookings. */
  retired?: boolean;
}

export interface BoardDriver {
  id: string;
  name: string;
  /** No longer a driver of the fleet, with a booking in view still in her name: her row stays, and takes no more. */
  former?: boolean;
}

export interface BoardData {
  /** The first instant in view and the first after it. */
  start: string;
  end: string;
  bookings: BoardBooking[];
  vehicles: BoardVehicle[];
  drivers: BoardDriver[];
  depots: Array<{ id: string; name: string }>;
  /** More bookings touch the period than the board draws (the first BOARD_LIMIT by start). */
  truncated: boolean;
}

/** A week of a 2,000-vehicle fleet stays well under it; beyond it the board says it shows only part. */
export const BOARD_LIMIT = 20_000;

const DAYS: Record<BoardSpan, number> = { day: 1, week: 7 };

function addDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export async function boardData(
  fleetId: string,
  view: { from: string; span: BoardSpan; timeZone: string },
): Promise<BoardData> {
  const { start, end } = periodInZone(view.from, addDays(view.from, DAYS[view.span] - 1), view.timeZone);
  const [rows, vehicles, members, depots] = await Promise.all([
    db.booking.findMany({
      // A booking that never reached its provider held nothing: it is not drawn.
      where: { fleetId, windowStart: { lt: end }, windowEnd: { gt: start }, status: { not: "FAILED" } },
      orderBy: [{ windowStart: "asc" }, { id: "asc" }],
      take: BOARD_LIMIT + 1,
      select: {
        id: true,
        status: true,
        provider: true,
        windowStart: true,
        windowEnd: true,
        vehicleId: true,
        assignedDriverId: true,
        locationId: true,
        evseUid: true,
        tokenStrategy: true,
        locationSnapshot: true,
      },
    }),
    db.vehicle.findMany({
      where: { fleetId, retiredAt: null },
      orderBy: { plateKey: "asc" },
      select: { id: true, plate: true, name: true, homeDepotId: true, defaultDriverId: true, connectorStandards: true },
    }),
    db.membership.findMany({
      where: { fleetId, role: "DRIVER" },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.depot.findMany({ where: { fleetId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  // Every booking keeps a row: a vehicle retired, or a driver gone, since it was made still shows with it.
  const vehicleIds = new Set(vehicles.map((v) => v.id));
  const driverIds = new Set(members.map((m) => m.user.id));
  const [retired, former] = await Promise.all([
    db.vehicle.findMany({
      where: {
        fleetId,
        id: { in: [...new Set(rows.flatMap((b) => b.vehicleId ?? []))].filter((id) => !vehicleIds.has(id)) },
      },
      orderBy: { plateKey: "asc" },
      select: { id: true, plate: true, name: true, homeDepotId: true, defaultDriverId: true, connectorStandards: true },
    }),
    db.user.findMany({
      where: {
        id: { in: [...new Set(rows.flatMap((b) => b.assignedDriverId ?? []))].filter((id) => !driverIds.has(id)) },
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const truncated = rows.length > BOARD_LIMIT;
  const bookings = rows.slice(0, BOARD_LIMIT).map((b): BoardBooking => {
    const charger = b.locationSnapshot as unknown as ChargerSnapshot;
    const over = isFinal(b.status);
    return {
      id: b.id,
      status: b.status,
      provider: b.provider,
      windowStart: b.windowStart.toISOString(),
      windowEnd: b.windowEnd.toISOString(),
      vehicleId: b.vehicleId,
      driverId: b.assignedDriverId,
      chargerKey: `${b.provider}:${b.locationId}:${b.evseUid}`,
      chargerName: charger.name,
      evseId: charger.evseId ?? null,
      connectorStandard: charger.connectorStandard ?? null,
      driverMovable: !over && ASSIGNABLE_STRATEGIES.has(b.tokenStrategy),
      vehicleMovable: !over,
    };
  });
  return {
    start: start.toISOString(),
    end: end.toISOString(),
    bookings,
    vehicles: [...vehicles, ...retired.map((v) => ({ ...v, retired: true }))],
    drivers: [...members.map((m) => m.user), ...former.map((u) => ({ ...u, former: true }))],
    depots,
    truncated,
  };
}
