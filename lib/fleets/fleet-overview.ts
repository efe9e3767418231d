// Read models of the fleets pages: each fleet's identifiers, members by role, keys, open bookings, month's cost.
import "server-only";
import { db } from "@/lib/db";
import { PEOPLE_ONLY } from "@/lib/api-tokens/people";
import { ROLES, type Role } from "@/lib/auth/permissions";
import type { BookingStatus } from "@/generated/prisma/enums";
import type { Money } from "@/lib/money";

/** Bookings that still hold (or may yet hold) a charger. */
export const OPEN_BOOKING_STATUSES: BookingStatus[] = ["SUBMITTING", "REQUESTED", "PENDING", "CONFIRMED", "ATTENDING"];

export interface FleetOverview {
  id: string;
  name: string;
  plugsurfingFleetId: string;
  petitMondeFleetGroupId: string | null;
  spendingLimitMonthlyMinor: number | null;
  spendingLimitSessionMinor: number | null;
  spendingLimitCurrency: string | null;
  /** The watchdog raises a session running longer than this. */
  sessionLimitHours: number;
  createdAt: string;
  membersByRole: Record<Role, number>;
  activeKeys: number;
  openBookings: number;
  /** This calendar month (UTC), one total per currency: different currencies are never added up. */
  monthCost: Money[];
  /** A rename waits for a provider sync: the name shown is the one before it. */
  nameSyncing: boolean;
}

/** The calendar month (UTC) containing `now`, as [start, end). */
export function monthBounds(now: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

async function overviews(fleetIds: string[], now: Date): Promise<FleetOverview[]> {
  if (fleetIds.length === 0) return [];
  const { start, end } = monthBounds(now);
  const [fleets, members, keys, bookings, costs, renames] = await Promise.all([
    db.fleet.findMany({ where: { id: { in: fleetIds } }, orderBy: { name: "asc" } }),
    db.membership.groupBy({
      by: ["fleetId", "role"],
      where: { fleetId: { in: fleetIds }, ...PEOPLE_ONLY },
      _count: { _all: true },
    }),
    db.chargingKey.groupBy({
      by: ["fleetId"],
      where: { fleetId: { in: fleetIds }, enabled: true, OR: [{ validTo: null }, { validTo: { gt: now } }] },
      _count: { _all: true },
    }),
    db.booking.groupBy({
      by: ["fleetId"],
      where: { fleetId: { in: fleetIds }, status: { in: OPEN_BOOKING_STATUSES } },
      _count: { _all: true },
    }),
    db.chargingSession.groupBy({
      by: ["fleetId", "currency"],
      where: {
        fleetId: { in: fleetIds },
        startTime: { gte: start, lt: end },
        currency: { not: null },
        priceInclVatMinor: { not: null },
      },
      _sum: { priceInclVatMinor: true },
      orderBy: { currency: "asc" },
    }),
    db.providerSync.findMany({
      where: { fleetId: { in: fleetIds }, kind: "fleet.rename", status: "PENDING" },
      select: { fleetId: true },
    }),
  ]);
  return fleets.map((fleet) => {
    const membersByRole = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
    for (const m of members) if (m.fleetId === fleet.id) membersByRole[m.role] = m._count._all;
    return {
      id: fleet.id,
      name: fleet.name,
      plugsurfingFleetId: fleet.plugsurfingFleetId,
      petitMondeFleetGroupId: fleet.petitMondeFleetGroupId,
      spendingLimitMonthlyMinor: fleet.spendingLimitMonthlyMinor,
      spendingLimitSessionMinor: fleet.spendingLimitSessionMinor,
      spendingLimitCurrency: fleet.spendingLimitCurrency,
      sessionLimitHours: fleet.sessionLimitHours,
      createdAt: fleet.createdAt.toISOString(),
      membersByRole,
      activeKeys: keys.find((k) => k.fleetId === fleet.id)?._count._all ?? 0,
      openBookings: bookings.find((b) => b.fleetId === fleet.id)?._count._all ?? 0,
      monthCost: costs
        .filter((c) => c.fleetId === fleet.id)
        .map((c) => ({ currency: c.currency!, amountMinor: c._sum.priceInclVatMinor ?? 0 })),
      nameSyncing: renames.some((r) => r.fleetId === fleet.id),
    };
  });
}

/** The fleets where the user is ADMIN: nobody else may manage them. */
export async function listAdminFleets(userId: string, now = new Date()): Promise<FleetOverview[]> {
  const memberships = await db.membership.findMany({ where: { userId, role: "ADMIN" }, select: { fleetId: true } });
  return overviews(
    memberships.map((m) => m.fleetId),
    now,
  );
}

/** One fleet; the caller has already checked that the user is its ADMIN. */
export async function getFleetOverview(fleetId: string, now = new Date()): Promise<FleetOverview | null> {
  return (await overviews([fleetId], now))[0] ?? null;
}
