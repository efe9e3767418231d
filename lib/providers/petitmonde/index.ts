// The Petit Monde adapter: search and bookings, with exactly-once booking creation keyed by external_id.
import {
  OPEN_BOOKING_STATUSES,
  type BookingStatus,
  type ChargingLocation,
  type CreateBookingRequest,
  type ProviderBooking,
  type SessionRecord,
} from "@/lib/domain";
import { ProviderError, isProviderError } from "../errors";
import type {
  CallOptions,
  CompletedSessionsPage,
  CompletedSessionsQuery,
  LostAnswerFinding,
  OpenBookingRef,
  ProviderAdapter,
  ReleaseOutcome,
  SearchQuery,
} from "../types";
import { PetitMondeClient, type PetitMondeConfig, type PetitMondeHttpOptions, type PetitMondeUsage } from "./client";
import { toBooking, toCreateBookingBody, toLocation, toSessionRecord } from "./transform";

export const PETITMONDE_CAPABILITIES = ["search", "bookings", "sessionSource"] as const;
export type PetitMondeCapability = (typeof PETITMONDE_CAPABILITIES)[number];

/** POSTs per createBooking call; each is preceded by a lookup when the previous one's outcome is unknown. */
const MAX_CREATE_ATTEMPTS = 3;
const LIST_PAGE_SIZE = 1000;
const MAX_LIST_PAGES = 50;
/** Statuses an open booking can move to; REQUESTED is left out, see refresh(). */
const MOVED_ON_STATUSES: BookingStatus[] = [
  "PENDING",
  "CONFIRMED",
  "ATTENDING",
  "COMPLETED",
  "EXPIRED",
  "NO_SHOW",
  "CANCELLED",
];
/**
 * The least minutes between two incremental session pulls (see SessionSourceCapable.incrementalSyncMinutes).
 * The reconciler records a booking's session as soon as it sees it end (sessionOf); the pull catches the rest
 * (bookings made outside the dashboard, or that ended while it was down).
 */
export const PETITMONDE_SESSION_SYNC_MINUTES = 360;
/** Overdue bookings fetched one by one per refresh, at most. */
const MAX_SINGLE_FETCHES = 5;
/** Clocks differ: a lookup by creation time starts this much before the request was sent. */
const LOOKUP_MARGIN_MS = 5 * 60_000;

export class PetitMondeAdapter implements ProviderAdapter<PetitMondeCapability> {
  readonly name = "PETITMONDE" as const;
  readonly capabilities = PETITMONDE_CAPABILITIES;
  readonly client: PetitMondeClient;
  /** Bookings are listed for the whole account. */
  readonly sessionScope = "account" as const;
  /** Its sessions are its completed bookings, recorded by the reconciler as they end: a pull every 6 h spares the quota. */
  readonly incrementalSyncMinutes = PETITMONDE_SESSION_SYNC_MINUTES;

  constructor(config: PetitMondeConfig, options: PetitMondeHttpOptions = {}) {
    this.client = new PetitMondeClient(config, options);
  }

  async search(query: SearchQuery, options?: CallOptions): Promise<ChargingLocation[]> {
    const standards = query.connectorStandards ?? [];
    const wire = await this.client.search(
      {
        lat: query.latitude,
        lng: query.longitude,
        radiusKm: query.radiusM / 1000,
        connectorType: standards.length === 1 ? standards[0] : undefined,
        powerMinKw: query.minPowerKw,
        limit: query.limit,
        startTime: query.window?.start,
        endTime: query.window?.end,
      },
      options?.signal,
    );
    const centre = { latitude: query.latitude, longitude: query.longitude };
    return wire.results
      .map((result) => toLocation(result, centre))
      .filter((l): l is ChargingLocation => l !== null)
      .filter((l) => !query.reservableOnly || l.supportsReservation)
      .filter((l) => !query.availableNow || l.evses.some((e) => e.status === "AVAILABLE"))
      .filter(
        (l) => standards.length <= 1 || l.evses.some((e) => e.connectors.some((c) => standards.includes(c.standard))),
      )
      .filter(
        (l) =>
          !query.powerType ||
          l.evses.some((e) => e.connectors.some((c) => (c.powerType === "DC") === (query.powerType === "DC"))),
      );
  }

  /**
   * Books once, whatever the network does: after an ambiguous failure (timeout, reset, 5xx, unreadable
   * answer) the booking is looked up by external_id before anything is sent again, and a 409 "already
   * exists" resolves to the existing booking. Throws OUTCOME_UNKNOWN only when even the lookups fail;
   * the caller then reconciles later with findBookingByExternalId.
   */
  async createBooking(request: CreateBookingRequest, options?: CallOptions): Promise<ProviderBooking> {
    let body;
    try {
      body = toCreateBookingBody(request);
    } catch (error) {
      throw this.client.http.error({
        operation: "createBooking",
        code: "INVALID_REQUEST",
        retryable: false,
        detail: (error as Error).message,
      });
    }
    let ambiguous: ProviderError | undefined;
    const lookup = { ...options, notBefore: request.notBefore ?? new Date() };
    for (let attempt = 1; attempt <= MAX_CREATE_ATTEMPTS; attempt++) {
      if (ambiguous) {
        const existing = await this.lookupAfterAmbiguity(request.externalId, ambiguous, lookup);
        if (existing) return existing;
      }
      try {
        return toBooking(await this.client.createBooking(body, options?.signal));
      } catch (error) {
        if (!isProviderError(error)) throw error;
        if (error.code === "CONFLICT" && error.existingId)
          return this.existingBooking(error.existingId, request.externalId, lookup);
        // A 409 "not available" right after an unknown outcome may be our own first booking holding the slot.
        if (error.code === "CONFLICT" && ambiguous) {
          const mine = await this.lookupAfterAmbiguity(request.externalId, ambiguous, lookup);
          if (mine) return mine;
        }
        if (error.code !== "OUTCOME_UNKNOWN") throw error;
        ambiguous = error;
      }
    }
    const last = ambiguous as ProviderError;
    const existing = await this.lookupAfterAmbiguity(request.externalId, last, lookup);
    if (existing) return existing;
    throw this.client.http.error({
      operation: "createBooking",
      status: last.status,
      code: "OUTCOME_UNKNOWN",
      retryable: true,
      detail: `no answer after ${MAX_CREATE_ATTEMPTS} attempts and the booking is not listed under external_id ${request.externalId} (last: ${last.detail ?? last.code})`,
    });
  }

  /** The booking with this external_id, or null; a failed lookup becomes OUTCOME_UNKNOWN. */
  private async lookupAfterAmbiguity(
    externalId: string,
    cause: ProviderError,
    options?: CallOptions & { notBefore?: Date },
  ) {
    try {
      return await this.findBookingByExternalId(externalId, options);
    } catch (error) {
      if (!isProviderError(error)) throw error;
      throw this.client.http.error({
        operation: "createBooking",
        status: cause.status,
        code: "OUTCOME_UNKNOWN",
        retryable: true,
        detail: `the booking request's outcome is unknown (${cause.detail ?? cause.code}) and the lookup by external_id failed (${error.code})`,
      });
    }
  }

  private async existingBooking(
    bookingId: string,
    externalId: string,
    options?: CallOptions & { notBefore?: Date },
  ): Promise<ProviderBooking> {
    try {
      return await this.getBooking(bookingId, options);
    } catch {
      // It exists, the 409 said so: its id is what the caller needs; the status gets refreshed by polling.
      return (
        (await this.findBookingByExternalId(externalId, options).catch(() => null)) ?? {
          provider: "PETITMONDE",
          id: bookingId,
          externalId,
          status: "REQUESTED",
        }
      );
    }
  }

  async getBooking(bookingId: string, options?: CallOptions): Promise<ProviderBooking> {
    return toBooking(await this.client.getBooking(bookingId, options?.signal));
  }

  /**
   * The booking with this external_id, or null when there is provably none. The `external_id` filter is
   * not documented: where a server ignores it (its answer holds other bookings), the documented
   * `from_date` narrows the list to what was made since `notBefore` instead. If even that answer may be cut
   * short, nothing can be proved either way: OUTCOME_UNKNOWN, and the caller asks again later.
   */
  async findBookingByExternalId(
    externalId: string,
    options?: CallOptions & { notBefore?: Date },
  ): Promise<ProviderBooking | null> {
    const filtered = await this.client.listBookings({ externalId, limit: 10 }, options?.signal);
    const match = filtered.bookings.find((b) => b.external_id === externalId);
    if (match) return toBooking(match);
    if (filtered.received === 0) return null; // the filter is honoured: there is none
    const notBefore = options?.notBefore ?? new Date(Date.now() - 24 * 3_600_000);
    const recent = await this.client.listBookings(
      { fromDate: new Date(notBefore.getTime() - LOOKUP_MARGIN_MS), limit: LIST_PAGE_SIZE },
      options?.signal,
    );
    const found = recent.bookings.find((b) => b.external_id === externalId);
    if (found) return toBooking(found);
    if (recent.received < LIST_PAGE_SIZE) return null;
    throw this.client.http.error({
      operation: "findBookingByExternalId",
      code: "OUTCOME_UNKNOWN",
      retryable: true,
      detail: `external_id filter ignored and ${recent.received} bookings since ${notBefore.toISOString()}: cannot tell`,
    });
  }

  /**
   * The session-source port: completed bookings (and no-shows that cost a fee) since a time, in one page
   * of at most LIST_PAGE_SIZE (the list documents no cursor to resume from).
   */
  async completedSessions(query: CompletedSessionsQuery, options?: CallOptions): Promise<CompletedSessionsPage> {
    const bookings = await this.listBookings(
      { status: ["COMPLETED", "NO_SHOW"], from: query.since, limit: LIST_PAGE_SIZE },
      options,
    );
    return { sessions: bookings.flatMap((b) => toSessionRecord(b) ?? []) };
  }

  /** All bookings matching the filter, following offset pages (up to `limit` in total). */
  async listBookings(
    filter: { status?: BookingStatus[]; from?: Date; to?: Date; limit?: number },
    options?: CallOptions,
  ): Promise<ProviderBooking[]> {
    const wanted = filter.limit ?? Number.POSITIVE_INFINITY;
    const status = filter.status?.filter((s) => s !== "SUBMITTING" && s !== "FAILED");
    if (filter.status && status?.length === 0) return [];
    const out: ProviderBooking[] = [];
    // Pages step by what was sent: an item dropped as unreadable still took its place in the page.
    let offset = 0;
    for (let page = 0; page < MAX_LIST_PAGES && offset < wanted; page++) {
      const limit = Math.min(LIST_PAGE_SIZE, wanted - offset);
      const result = await this.client.listBookings(
        { status, fromDate: filter.from, toDate: filter.to, limit, offset },
        options?.signal,
      );
      out.push(...result.bookings.map(toBooking));
      offset += result.received;
      if (result.received < limit) break;
    }
    return out;
  }

  /** Cancels; if the answer is lost, reads the booking back and accepts it when it is CANCELLED. */
  async cancelBooking(bookingId: string, reason: string, options?: CallOptions): Promise<ProviderBooking> {
    try {
      return toBooking(await this.client.cancelBooking(bookingId, reason, options?.signal));
    } catch (error) {
      if (!isProviderError(error) || error.code !== "OUTCOME_UNKNOWN") throw error;
      const booking = await this.getBooking(bookingId, options);
      if (booking.status === "CANCELLED") return booking;
      if (OPEN_BOOKING_STATUSES.includes(booking.status)) {
        return toBooking(await this.client.cancelBooking(bookingId, reason, options?.signal));
      }
      throw error;
    }
  }

  // ---- The booking port -------------------------------------------------------------------------------

  book(request: CreateBookingRequest, options?: CallOptions): Promise<ProviderBooking> {
    return this.createBooking(request, options);
  }

  /** Petit Monde lists bookings by external_id, so a lost answer is always settled by one lookup. */
  async investigate(request: CreateBookingRequest, options?: CallOptions): Promise<LostAnswerFinding> {
    const found = await this.findBookingByExternalId(request.externalId, { ...options, notBefore: request.notBefore });
    return found ? { kind: "booked", booking: found } : { kind: "not-booked" };
  }

  cancel(bookingId: string, reason: string, options?: CallOptions): Promise<ProviderBooking> {
    return this.cancelBooking(bookingId, reason, options);
  }

  async release(request: CreateBookingRequest, options?: CallOptions): Promise<ReleaseOutcome> {
    const found = await this.findBookingByExternalId(request.externalId, { ...options, notBefore: request.notBefore });
    if (!found) return { kind: "nothing-there" };
    if (!OPEN_BOOKING_STATUSES.includes(found.status)) return { kind: "removed", booking: found };
    return {
      kind: "removed",
      booking: await this.cancelBooking(found.id, "Removed: its confirmation was lost", options),
    };
  }

  /**
   * One list request for every open booking, filtered to the statuses a booking can move to: REQUESTED is
   * where they start, so a booking missing from the answer has not moved. Bookings whose window ended long
   * ago and are still missing are fetched one by one (rare, bounded).
   */
  async refresh(
    open: OpenBookingRef[],
    options?: CallOptions & { now?: Date },
  ): Promise<{ reports: Map<string, ProviderBooking>; requests: number }> {
    const reports = new Map<string, ProviderBooking>();
    if (open.length === 0) return { reports, requests: 0 };
    const now = options?.now ?? new Date();
    const earliest = new Date(Math.min(...open.map((b) => b.createdAt.getTime())) - 60 * 60_000);
    let requests = 1;
    for (const report of await this.listBookings({ status: MOVED_ON_STATUSES, from: earliest, limit: 1000 }, options)) {
      reports.set(report.id, report);
    }
    let singleFetches = 0;
    for (const booking of open) {
      if (reports.has(booking.providerBookingId)) continue;
      const overdue = booking.windowEnd.getTime() < now.getTime() - 60 * 60_000;
      if (!overdue || singleFetches >= MAX_SINGLE_FETCHES) continue;
      singleFetches++;
      requests++;
      const report = await this.getBooking(booking.providerBookingId, options).catch(() => undefined);
      if (report) reports.set(report.id, report);
    }
    return { reports, requests };
  }

  /** Its sessions are its completed bookings (and no-shows that cost a fee). */
  sessionOf(booking: ProviderBooking): SessionRecord | null {
    return toSessionRecord(booking);
  }

  async usage(options?: CallOptions): Promise<PetitMondeUsage> {
    return this.client.usage(options?.signal);
  }
}
