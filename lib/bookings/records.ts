// Reads of stored bookings, always scoped to one fleet (or one driver), shaped for the screens.
import "server-only";
import type { Booking, Prisma } from "@/generated/prisma/client";
import { DomainError, text } from "@/lib/errors";
import { db } from "@/lib/db";
import { readerFailureWords } from "@/lib/i18n/failure-words";
import type { Translate } from "@/lib/i18n/messages";
import {
  bookingIdentityKinds,
  type BookingIdentityRole,
  type BookingStatus,
  type ProviderName,
  type TokenStrategy,
} from "@/lib/domain";
import type { ChargerSnapshot, ExportBookingsFilter, ListBookingsFilter } from "./schemas";
import { NEEDS_ATTENTION_STATUSES, cancelPolicy, type CancelPolicy } from "./state-machine";
import { sayStored } from "./stored-text";

/** Whether and how a booking can be cancelled, in the reader's words. */
export type CancelPolicyView =
  { kind: "free" } | { kind: "may-cost"; warning: string } | { kind: "refused"; reason: string };

export interface BookingView {
  id: string;
  provider: ProviderName;
  providerBookingId: string | null;
  externalId: string;
  status: BookingStatus;
  statusUpdatedAt: string;
  charger: ChargerSnapshot;
  locationId: string;
  evseUid: string;
  connectorId: string | null;
  windowStart: string;
  windowEnd: string;
  tokenStrategy: TokenStrategy;
  customerId: string | null;
  tokenId: string | null;
  fleetGroupId: string | null;
  rfidValue: string | null;
  assignedDriver: { id: string; name: string } | null;
  /** The vehicle it is for, when one was named. */
  vehicle: { id: string; plate: string; name: string | null } | null;
  createdBy: { id: string; name: string } | null;
  priceMinor: number | null;
  feeMinor: number | null;
  currency: string | null;
  lastError: string | null;
  needsAttention: boolean;
  cancel: CancelPolicyView;
  createdAt: string;
  lastSyncedAt: string | null;
}

export interface BookingEventView {
  id: string;
  at: string;
  status: BookingStatus;
  source: string;
  note: string | null;
}

type UserNames = Map<string, string>;

async function userNames(ids: Array<string | null>): Promise<UserNames> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

function cancelInWords(policy: CancelPolicy, errors: Translate): CancelPolicyView {
  switch (policy.kind) {
    case "free":
      return policy;
    case "may-cost":
      return { kind: "may-cost", warning: errors(policy.warning.key, policy.warning.values) };
    case "refused":
      return { kind: "refused", reason: errors(policy.reason.key, policy.reason.values) };
  }
}

type VehicleNames = Map<string, { id: string; plate: string; name: string | null }>;

async function vehicleNames(ids: Array<string | null>): Promise<VehicleNames> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const vehicles = await db.vehicle.findMany({
    where: { id: { in: unique } },
    select: { id: true, plate: true, name: true },
  });
  return new Map(vehicles.map((v) => [v.id, v]));
}

function toView(booking: Booking, names: UserNames, errors: Translate, vehicles: VehicleNames): BookingView {
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? errors("bookings.formerMember") } : null);
  return {
    id: booking.id,
    provider: booking.provider,
    providerBookingId: booking.providerBookingId,
    externalId: booking.externalId,
    status: booking.status,
    statusUpdatedAt: booking.statusUpdatedAt.toISOString(),
    charger: booking.locationSnapshot as unknown as ChargerSnapshot,
    locationId: booking.locationId,
    evseUid: booking.evseUid,
    connectorId: booking.connectorId,
    windowStart: booking.windowStart.toISOString(),
    windowEnd: booking.windowEnd.toISOString(),
    tokenStrategy: booking.tokenStrategy,
    customerId: booking.customerId,
    tokenId: booking.tokenId,
    fleetGroupId: booking.fleetGroupId,
    rfidValue: booking.rfidValue,
    assignedDriver: person(booking.assignedDriverId),
    vehicle: booking.vehicleId ? (vehicles.get(booking.vehicleId) ?? null) : null,
    createdBy: person(booking.createdById),
    priceMinor: booking.priceMinor,
    feeMinor: booking.feeMinor,
    currency: booking.currency,
    lastError: sayStored(booking.lastError, booking.lastErrorText, errors),
    needsAttention: NEEDS_ATTENTION_STATUSES.includes(booking.status),
    cancel: cancelInWords(cancelPolicy(booking.status), errors),
    createdAt: booking.createdAt.toISOString(),
    lastSyncedAt: booking.lastSyncedAt?.toISOString() ?? null,
  };
}

/** The bookings as the screens show them, in the reader's words. */
export async function toViews(bookings: Booking[]): Promise<BookingView[]> {
  const [names, { errors }, vehicles] = await Promise.all([
    userNames(bookings.flatMap((b) => [b.assignedDriverId, b.createdById])),
    readerFailureWords(),
    vehicleNames(bookings.map((b) => b.vehicleId)),
  ]);
  return bookings.map((b) => toView(b, names, errors, vehicles));
}

export function bookingListWhere(
  fleetId: string,
  filter: Omit<ExportBookingsFilter, "fleetId">,
): Prisma.BookingWhereInput {
  const statuses =
    filter.status === undefined ? undefined : Array.isArray(filter.status) ? filter.status : [filter.status];
  const where: Prisma.BookingWhereInput = { fleetId };
  // The selected bookings of a CSV download: still only the fleet's, still within any other filter.
  if (filter.ids) where.id = { in: filter.ids };
  if (filter.attention) where.status = { in: [...NEEDS_ATTENTION_STATUSES] };
  else if (statuses) where.status = { in: statuses };
  if (filter.driverId) where.assignedDriverId = filter.driverId;
  if (filter.provider) where.provider = filter.provider;
  if (filter.date) {
    const dayStart = new Date(`${filter.date}T00:00:00.000Z`);
    where.windowStart = { gte: dayStart, lt: new Date(dayStart.getTime() + 24 * 60 * 60_000) };
  }
  return where;
}

/** The list's order: latest window first, ties by id. */
const LIST_ORDER: Prisma.BookingOrderByWithRelationInput[] = [{ windowStart: "desc" }, { id: "asc" }];

export const BOOKINGS_PAGE_SIZE = 200;

export async function listFleetBookings(
  fleetId: string,
  filter: Omit<ExportBookingsFilter, "fleetId">,
  take = BOOKINGS_PAGE_SIZE,
): Promise<BookingView[]> {
  const rows = await db.booking.findMany({ where: bookingListWhere(fleetId, filter), orderBy: LIST_ORDER, take });
  return toViews(rows);
}

/** A booking's place in the list's order, for the pager: its window start and id. */
export function bookingCursor(booking: { windowStart: string | Date; id: string }): string {
  return `${new Date(booking.windowStart).toISOString()}_${booking.id}`;
}

function parseBookingCursor(cursor: string | undefined): { at: Date; id: string } | null {
  const split = cursor?.indexOf("_") ?? -1;
  if (!cursor || split < 1 || split === cursor.length - 1) return null;
  const at = new Date(cursor.slice(0, split));
  // Only years PostgreSQL's timestamps and the app's dates both hold; anything else is no cursor.
  const year = at.getUTCFullYear();
  return year >= 1 && year <= 9999 ? { at, id: cursor.slice(split + 1) } : null;
}

export interface BookingsPage {
  bookings: BookingView[];
  /** Cursors of the next page (earlier windows) and of the previous one; null at either end. */
  older: string | null;
  newer: string | null;
}

/** One page of the list, from the first or from a cursor: read from the index where the last page ended. */
export async function listFleetBookingsPage(
  fleetId: string,
  filter: Omit<ListBookingsFilter, "fleetId">,
  pageSize = BOOKINGS_PAGE_SIZE,
): Promise<BookingsPage> {
  const where = bookingListWhere(fleetId, filter);
  const before = parseBookingCursor(filter.before);
  const after = before ? null : parseBookingCursor(filter.after);
  // The first condition of each bounds the index scan; the second steps over the cursor's own booking.
  if (after) {
    const rows = await db.booking.findMany({
      where: {
        AND: [
          where,
          { windowStart: { gte: after.at } },
          { OR: [{ windowStart: { gt: after.at } }, { id: { lt: after.id } }] },
        ],
      },
      orderBy: [{ windowStart: "asc" }, { id: "desc" }],
      take: pageSize + 1,
    });
    if (rows.length > pageSize) {
      const shown = rows.slice(0, pageSize).reverse();
      return { bookings: await toViews(shown), older: bookingCursor(shown.at(-1)!), newer: bookingCursor(shown[0]) };
    }
    // Less than a page before the cursor: the first page.
  }
  const rows = await db.booking.findMany({
    where: before
      ? {
          AND: [
            where,
            { windowStart: { lte: before.at } },
            { OR: [{ windowStart: { lt: before.at } }, { id: { gt: before.id } }] },
          ],
        }
      : where,
    orderBy: LIST_ORDER,
    take: pageSize + 1,
  });
  const shown = rows.slice(0, pageSize);
  return {
    bookings: await toViews(shown),
    older: rows.length > pageSize ? bookingCursor(shown.at(-1)!) : null,
    newer: before && shown.length ? bookingCursor(shown[0]) : null,
  };
}

/** Bookings of the fleet the provider may still move (not SUBMITTING: the reconciler owns those). */
export async function openBookingIds(fleetId: string): Promise<string[]> {
  const rows = await db.booking.findMany({
    where: { fleetId, status: { in: ["REQUESTED", "PENDING", "CONFIRMED", "ATTENDING"] } },
    select: { id: true },
    take: 1000,
  });
  return rows.map((r) => r.id);
}

export async function getBookingOrThrow(fleetId: string, bookingId: string): Promise<Booking> {
  const booking = await db.booking.findFirst({ where: { id: bookingId, fleetId } });
  // The same answer for "another fleet's" and "no such booking": ids of other fleets are not confirmed.
  if (!booking) throw new DomainError("NOT_FOUND", text("bookings.notFound"));
  return booking;
}

/** A booking's automatic re-booking: whether it opted in, and what replaced it or what it replaced. */
export interface RebookView {
  /** The radius it opted in with; null when it did not. */
  withinKm: number | null;
  /** It fell through and a replacement is being booked. */
  owed: boolean;
  /** What the re-booking came to, when it booked nothing ("no-alternative", "window-over"…). */
  failure: string | null;
  replacedBy: { id: string; charger: string } | null;
  replaces: { id: string; charger: string } | null;
}

async function rebookViewOf(booking: {
  id: string;
  fleetId: string;
  rebookWithinKm: number | null;
  rebookDueAt: Date | null;
  rebookOutcome: string | null;
  rebookedFromId: string | null;
}): Promise<RebookView | null> {
  const [replacement, original] = await Promise.all([
    db.booking.findFirst({
      where: { rebookedFromId: booking.id, fleetId: booking.fleetId },
      select: { id: true, locationSnapshot: true },
    }),
    booking.rebookedFromId
      ? db.booking.findFirst({
          where: { id: booking.rebookedFromId, fleetId: booking.fleetId },
          select: { id: true, locationSnapshot: true },
        })
      : null,
  ]);
  if (booking.rebookWithinKm === null && !replacement && !original) return null;
  const link = (b: { id: string; locationSnapshot: unknown } | null) =>
    b && { id: b.id, charger: (b.locationSnapshot as ChargerSnapshot).name };
  return {
    withinKm: booking.rebookWithinKm,
    owed: booking.rebookDueAt !== null && booking.rebookOutcome === null,
    failure: booking.rebookOutcome && booking.rebookOutcome !== "rebooked" ? booking.rebookOutcome : null,
    replacedBy: link(replacement),
    replaces: link(original),
  };
}

export async function getBookingDetail(
  fleetId: string,
  bookingId: string,
): Promise<{ booking: BookingView; events: BookingEventView[]; rebook: RebookView | null }> {
  const booking = await getBookingOrThrow(fleetId, bookingId);
  const events = await db.bookingEvent.findMany({ where: { bookingId }, orderBy: { at: "asc" } });
  const [[view], { errors }, rebook] = await Promise.all([
    toViews([booking]),
    readerFailureWords(),
    rebookViewOf(booking),
  ]);
  return {
    rebook,
    booking: view,
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      status: e.status,
      source: e.source,
      note: sayStored(e.note, e.noteText, errors),
    })),
  };
}

/** A driver's own bookings in one fleet: only those assigned to them. */
export async function listDriverBookings(fleetId: string, driverId: string): Promise<BookingView[]> {
  const rows = await db.booking.findMany({
    where: { fleetId, assignedDriverId: driverId, status: { not: "FAILED" } },
    orderBy: { windowStart: "desc" },
    take: 100,
  });
  return toViews(rows);
}

export interface FleetDriver {
  id: string;
  name: string;
  email: string;
  petitMondeCustomerIds: string[];
  petitMondeTokenIds: string[];
  rfidValues: string[];
}

/** A driver's stored identities that serve as booking tokens of this kind, at any provider. */
function valuesOf(identities: Array<{ kind: string; value: string }>, role: BookingIdentityRole): string[] {
  const kinds: readonly string[] = bookingIdentityKinds(role);
  return identities.filter((i) => kinds.includes(i.kind)).map((i) => i.value);
}

export async function listFleetDrivers(fleetId: string): Promise<FleetDriver[]> {
  const members = await db.membership.findMany({
    where: { fleetId, role: "DRIVER" },
    include: { user: { select: { id: true, name: true, email: true, identities: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return members.map(({ user }) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    petitMondeCustomerIds: valuesOf(user.identities, "customerId"),
    petitMondeTokenIds: valuesOf(user.identities, "tokenId"),
    rfidValues: valuesOf(user.identities, "rfid"),
  }));
}
