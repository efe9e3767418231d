// HTTP calls to the Petit Monde client ("Agent") API, returning parsed wire shapes.
import { z } from "zod";
import { text } from "@/lib/errors";
import { HttpClient, pathOf, type ErrorMapper, type HttpClientConfig } from "../http";
import { InMemoryBudgetLedger, type BudgetLedger, type RequestBudget } from "../budget";
import { bucketFor, credentialFingerprint, type RateLimitBucket } from "../rate-limit";
import { quotaWindowOf } from "../telemetry";
import { tolerantResponse } from "../tolerant";
import {
  bookingsResponse,
  cancelBookingBody,
  createBookingBody,
  petitMondeErrorBody,
  searchResponse,
  usageResponse,
  wireBooking,
  type CreateBookingBody,
} from "./schemas";

export interface PetitMondeConfig {
  baseUrl: string;
  apiKey: string;
  /** Both are accepted by Petit Monde; X-API-Key is the documented default. */
  authScheme?: "x-api-key" | "bearer";
  /** The monthly request quota; the documented 10,000 when left out. */
  monthlyQuota?: number;
}

export type PetitMondeHttpOptions = Pick<
  HttpClientConfig,
  "fetch" | "limiter" | "timeoutMs" | "retry" | "log" | "sleep" | "now" | "random"
> & {
  /** Where the monthly quota is counted; in-process when left out (one process only). */
  budgetLedger?: BudgetLedger;
};

/** The documented monthly quota per client; the provider's X-RateLimit-Limit replaces it once seen. */
export const PETITMONDE_MONTHLY_QUOTA = 10_000;

/** A response schema whose dropped items are counted under this operation. */
const read = <T extends z.ZodType>(schema: T, operation: string) =>
  tolerantResponse(schema, { provider: "PETITMONDE", operation });

export const mapPetitMondeError: ErrorMapper = ({ operation, status, body }) => {
  const parsed = petitMondeErrorBody.safeParse(body);
  const detail = parsed.success ? parsed.data.error : typeof body === "string" ? body.slice(0, 200) : undefined;
  const lowered = (detail ?? "").toLowerCase();
  if (status === 409 && parsed.success && (parsed.data.booking_id || lowered.includes("already exists"))) {
    return {
      code: "CONFLICT",
      detail,
      existingId: parsed.data.booking_id ?? undefined,
      text: text("providers.petitMonde.bookingExists"),
    };
  }
  if (status === 409) return { code: "CONFLICT", detail, text: text("providers.petitMonde.notAvailable") };
  if (status === 400 && lowered.includes("spending limit")) {
    return { code: "INVALID_REQUEST", detail, text: text("providers.petitMonde.spendingLimit") };
  }
  if (status === 400 && operation === "cancelBooking") {
    return { code: "INVALID_REQUEST", detail, text: text("providers.petitMonde.cannotCancel") };
  }
  if (status === 400)
    return {
      code: "INVALID_REQUEST",
      detail,
      text: detail ? text("providers.petitMonde.refused", { detail }) : undefined,
    };
  if (status === 401) return { detail, text: text("providers.petitMonde.apiKeyRejected") };
  if (status === 403) return { detail, text: text("providers.petitMonde.accountSuspended") };
  if (status === 404) return { code: "NOT_FOUND", detail, text: text("providers.petitMonde.unknownItem") };
  return { detail };
};

/**
 * Petit Monde: 100 requests per sliding minute per client (we allow at most 95 in any minute) and
 * booking creations at least 600 ms apart (we keep 605 ms: the spacing is kept in PostgreSQL on the database's
 * clock, so instances agree to the millisecond; the minute's bucket is what keeps Petit Monde from saying 429).
 */
export const BOOKING_CREATION_SPACING_MS = 605;

export function petitMondeBuckets(config: PetitMondeConfig): {
  requests: RateLimitBucket[];
  bookingCreation: RateLimitBucket[];
  quota: RequestBudget;
} {
  const key = `petitmonde:${credentialFingerprint(config.baseUrl, config.apiKey)}`;
  return {
    requests: [bucketFor(`${key}:minute`, 95, 60_000, 10)],
    bookingCreation: [{ key: `${key}:booking-creation`, intervalMs: BOOKING_CREATION_SPACING_MS, burst: 1 }],
    quota: { key, monthLimit: config.monthlyQuota ?? PETITMONDE_MONTHLY_QUOTA },
  };
}

export class PetitMondeClient {
  readonly http: HttpClient;
  private readonly bookingCreationBuckets: RateLimitBucket[];

  /** The monthly quota and where it is counted, for the provider health page. */
  readonly budget: { ledger: BudgetLedger; quota: RequestBudget };

  constructor(config: PetitMondeConfig, { budgetLedger, ...options }: PetitMondeHttpOptions = {}) {
    const authHeaders: Record<string, string> =
      config.authScheme === "bearer" ? { Authorization: `Bearer ${config.apiKey}` } : { "X-API-Key": config.apiKey };
    const buckets = petitMondeBuckets(config);
    this.bookingCreationBuckets = buckets.bookingCreation;
    this.budget = { ledger: budgetLedger ?? new InMemoryBudgetLedger(), quota: buckets.quota };
    this.http = new HttpClient({
      provider: "PETITMONDE",
      baseUrl: config.baseUrl,
      authHeaders: () => authHeaders,
      secrets: () => [config.apiKey],
      mapError: mapPetitMondeError,
      buckets: buckets.requests,
      rateLimitFallback: { delayMs: 5_000 },
      budget: this.budget,
      ...options,
    });
  }

  async search(
    query: {
      lat: number;
      lng: number;
      radiusKm?: number;
      connectorType?: string;
      powerMinKw?: number;
      limit?: number;
      startTime?: Date;
      endTime?: Date;
    },
    signal?: AbortSignal,
  ) {
    const { data } = await this.http.request({
      operation: "search",
      method: "GET",
      path: "/search",
      query: {
        lat: query.lat,
        lng: query.lng,
        radius:
          query.radiusKm === undefined
            ? undefined
            : Math.min(200, Math.max(0.1, Math.round(query.radiusKm * 1000) / 1000)),
        connector_type: query.connectorType,
        power_min: query.powerMinKw,
        limit: query.limit === undefined ? undefined : Math.min(500, Math.max(1, query.limit)),
        start_time: query.startTime?.toISOString(),
        end_time: query.endTime?.toISOString(),
      },
      response: read(searchResponse, "search"),
      signal,
    });
    return data;
  }

  /** One POST, never repeated here: see PetitMondeAdapter.createBooking for the exactly-once logic. */
  async createBooking(body: CreateBookingBody, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "createBooking",
      method: "POST",
      path: "/bookings",
      body,
      bodySchema: createBookingBody,
      response: read(wireBooking, "createBooking"),
      buckets: this.bookingCreationBuckets,
      signal,
    });
    return data;
  }

  async getBooking(bookingId: string, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "getBooking",
      method: "GET",
      path: pathOf("bookings", bookingId),
      response: read(wireBooking, "getBooking"),
      signal,
    });
    return data;
  }

  async listBookings(
    query: { status?: string[]; fromDate?: Date; toDate?: Date; externalId?: string; limit?: number; offset?: number },
    signal?: AbortSignal,
  ) {
    const { data } = await this.http.request({
      operation: "listBookings",
      method: "GET",
      path: "/bookings",
      query: {
        status: query.status && query.status.length > 0 ? query.status.join(",") : undefined,
        from_date: query.fromDate?.toISOString(),
        to_date: query.toDate?.toISOString(),
        external_id: query.externalId,
        limit: query.limit === undefined ? undefined : Math.min(1000, Math.max(1, query.limit)),
        offset: query.offset,
      },
      response: read(bookingsResponse, "listBookings"),
      signal,
    });
    return data;
  }

  async cancelBooking(bookingId: string, reason: string, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "cancelBooking",
      method: "POST",
      path: pathOf("bookings", bookingId, "cancel"),
      body: { reason },
      bodySchema: cancelBookingBody,
      response: read(wireBooking, "cancelBooking"),
      signal,
    });
    return data;
  }

  /**
   * The quota. The body of GET /usage is not documented; the X-RateLimit-* headers every answer carries
   * are. Which window they describe is not said either: a reset within two minutes is the minute's, a later
   * one the month's. What the body says, where it says it, wins.
   */
  async usage(signal?: AbortSignal): Promise<PetitMondeUsage> {
    const { data, headers } = await this.http.request({
      operation: "usage",
      method: "GET",
      path: "/usage",
      response: read(usageResponse, "usage"),
      signal,
    });
    const limit = headerNumber(headers.get("x-ratelimit-limit"));
    const remaining = headerNumber(headers.get("x-ratelimit-remaining"));
    const resetAt = headers.get("x-ratelimit-reset") ?? undefined;
    const window = quotaWindowOf(resetAt, Date.now());
    const fromHeaders =
      window === "minute"
        ? { minute_limit: limit, minute_remaining: remaining, reset_at: resetAt }
        : window === "month"
          ? {
              month_limit: limit,
              month_used: limit === undefined || remaining === undefined ? undefined : limit - remaining,
            }
          : {};
    return { ...fromHeaders, ...definedOnly(data) };
  }
}

export type PetitMondeUsage = z.infer<typeof usageResponse>;

function headerNumber(value: string | null): number | undefined {
  const n = value === null || value.trim() === "" ? NaN : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
