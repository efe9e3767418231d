// The Petit Monde adapter: search and bookings, with exactly-once booking creation keyed by external_id.
import {
  OPEN_BOOKING_STATUSES,
  type BookingStatus,
  type ChargingLocation,
  type CreateBookingRequest,
  type ProviderBooking,
} from "@/lib/domain";
import { ProviderError, isProviderError } from "../errors";
import type { CallOptions, ProviderAdapter, SearchQuery } from "../types";
import { PetitMondeClient, type PetitMondeConfig, type PetitMondeHttpOptions, type PetitMondeUsage } from "./client";
import { toBooking, toCreateBookingBody, toLocation } from "./transform";

export const PETITMONDE_CAPABILITIES = ["search", "bookings"] as const;
export type PetitMondeCapability = (typeof PETITMONDE_CAPABILITIES)[number];

/** POSTs per createBooking call; each is preceded by a lookup when the previous one's outcome is unknown. */
const MAX_CREATE_ATTEMPTS = 3;
const LIST_PAGE_SIZE = 1000;
const MAX_LIST_PAGES = 50;

export class PetitMondeAdapter implements ProviderAdapter<PetitMondeCapability> {
  readonly name = "PETITMONDE" as const;
  readonly capabilities = PETITMONDE_CAPABILITIES;
  readonly client: PetitMondeClient;

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
    return wire.results
      .map(toLocation)
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
    for (let attempt = 1; attempt <= MAX_CREATE_ATTEMPTS; attempt++) {
      if (ambiguous) {
        const existing = await this.lookupAfterAmbiguity(request.externalId, ambiguous, options);
        if (existing) return existing;
      }
      try {
        return toBooking(await this.client.createBooking(body, options?.signal));
      } catch (error) {
        if (!isProviderError(error)) throw error;
        if (error.code === "CONFLICT" && error.existingId)
          return this.existingBooking(error.existingId, request.externalId, options);
        // A 409 "not available" right after an unknown outcome may be our own first booking holding the slot.
        if (error.code === "CONFLICT" && ambiguous) {
          const mine = await this.lookupAfterAmbiguity(request.externalId, ambiguous, options);
          if (mine) return mine;
        }
        if (error.code !== "OUTCOME_UNKNOWN") throw error;
        ambiguous = error;
      }
    }
    const last = ambiguous as ProviderError;
    const existing = await this.lookupAfterAmbiguity(request.externalId, last, options);
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
  private async lookupAfterAmbiguity(externalId: string, cause: ProviderError, options?: CallOptions) {
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
    options?: CallOptions,
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

  async findBookingByExternalId(externalId: string, options?: CallOptions): Promise<ProviderBooking | null> {
    const page = await this.client.listBookings({ externalId, limit: 10 }, options?.signal);
    // Check it ourselves, in case a filter is ignored.
    const match = page.bookings.find((b) => b.external_id === externalId);
    return match ? toBooking(match) : null;
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
    for (let page = 0; page < MAX_LIST_PAGES && out.length < wanted; page++) {
      const limit = Math.min(LIST_PAGE_SIZE, wanted - out.length);
      const result = await this.client.listBookings(
        { status, fromDate: filter.from, toDate: filter.to, limit, offset: out.length },
        options?.signal,
      );
      out.push(...result.bookings.map(toBooking));
      if (result.bookings.length < limit) break;
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

  async usage(options?: CallOptions): Promise<PetitMondeUsage> {
    return this.client.usage(options?.signal);
  }
}
