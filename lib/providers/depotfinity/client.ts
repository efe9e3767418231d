// HTTP calls to DepotFinity: OAuth2 client-credentials tokens, chargers, reservations, availability, transactions, RFID.
import type { z } from "zod";
import { text } from "@/lib/errors";
import { isProviderError } from "../errors";
import { HttpClient, pathOf, type ErrorMapper, type HttpClientConfig } from "../http";
import { credentialFingerprint } from "../rate-limit";
import { basicCredentials } from "../redact";
import { tolerantResponse } from "../tolerant";
import {
  availabilityResponse,
  chargersResponse,
  depotErrorBody,
  oauthErrorBody,
  reservationBody,
  reservationResponse,
  rfidListResponse,
  rfidRegisterBody,
  rfidResponse,
  tokenResponse,
  transactionsResponse,
} from "./schemas";

export interface DepotFinityConfig {
  baseUrl: string;
  authUrl: string;
  clientId: string;
  clientSecret: string;
}

export type DepotFinityHttpOptions = Pick<
  HttpClientConfig,
  "fetch" | "limiter" | "timeoutMs" | "retry" | "log" | "sleep" | "now" | "random"
>;

/** A response schema whose dropped items are counted under this operation. */
const read = <T extends z.ZodType>(schema: T, operation: string) =>
  tolerantResponse(schema, { provider: "DEPOTFINITY", operation });

export const mapDepotFinityError: ErrorMapper = ({ operation, status, body }) => {
  const parsed = depotErrorBody.safeParse(body);
  const first = parsed.success ? parsed.data.errors[0] : undefined;
  // The token endpoint answers in OAuth2 style: {error, error_description}.
  const oauth = oauthErrorBody.safeParse(body);
  const detail = first
    ? [first.title, first.detail].filter(Boolean).join(": ")
    : oauth.success
      ? [oauth.data.error, oauth.data.error_description].filter(Boolean).join(": ")
      : typeof body === "string"
        ? body.slice(0, 200)
        : undefined;
  if (operation === "token" && (status === 401 || status === 403 || status === 400)) {
    return { code: "UNAUTHORIZED", detail, text: text("providers.depotFinity.credentialsRejected") };
  }
  if (status === 401) return { detail, text: text("providers.depotFinity.tokenRejected") };
  if (status === 409) return { code: "CONFLICT", detail, text: text("providers.depotFinity.alreadyReserved") };
  if (status === 404) return { code: "NOT_FOUND", detail, text: text("providers.depotFinity.unknownItem") };
  if (status === 400)
    return {
      code: "INVALID_REQUEST",
      detail,
      text: detail ? text("providers.depotFinity.refused", { detail }) : undefined,
    };
  return { detail };
};

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/** Tokens per credential, shared by every client of the process built for the same credential. */
const tokenCache = new Map<string, CachedToken>();
const tokenRequests = new Map<string, Promise<CachedToken>>();

/** Refresh this long before expiry: a tenth of the lifetime, between 5 s and 60 s. */
function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, Math.max(5_000, lifetimeMs / 10));
}

export class DepotFinityClient {
  readonly http: HttpClient;
  private readonly auth: HttpClient;
  private readonly cacheKey: string;
  private readonly now: () => number;

  constructor(config: DepotFinityConfig, options: DepotFinityHttpOptions = {}) {
    this.cacheKey = credentialFingerprint(config.authUrl, config.clientId, config.clientSecret);
    this.now = options.now ?? Date.now;
    const basic = basicCredentials(config.clientId, config.clientSecret);
    const secrets = () => [config.clientSecret, basic, tokenCache.get(this.cacheKey)?.accessToken];
    this.auth = new HttpClient({
      provider: "DEPOTFINITY",
      baseUrl: config.authUrl,
      authHeaders: () => ({ Authorization: `Basic ${basic}` }),
      secrets,
      mapError: mapDepotFinityError,
      ...options,
      // Token requests are not rate limited by us: there is one per hour-ish per credential.
      limiter: undefined,
    });
    this.http = new HttpClient({
      provider: "DEPOTFINITY",
      baseUrl: config.baseUrl,
      authHeaders: async () => ({ Authorization: `Bearer ${await this.accessToken()}` }),
      // A 401 usually means the token expired early or was revoked: fetch a new one, once.
      onUnauthorized: async () => {
        tokenCache.delete(this.cacheKey);
        return true;
      },
      secrets,
      mapError: mapDepotFinityError,
      rateLimitFallback: { delayMs: 2_000 },
      ...options,
    });
  }

  /** A valid bearer token: cached per credential, refreshed before expiry, one request at a time. */
  async accessToken(): Promise<string> {
    const cached = tokenCache.get(this.cacheKey);
    if (cached && this.now() < cached.expiresAt) return cached.accessToken;
    let pending = tokenRequests.get(this.cacheKey);
    if (!pending) {
      pending = this.requestToken().finally(() => tokenRequests.delete(this.cacheKey));
      tokenRequests.set(this.cacheKey, pending);
    }
    return (await pending).accessToken;
  }

  private async requestToken(): Promise<CachedToken> {
    const requestedAt = this.now();
    const { data } = await this.auth.request({
      operation: "token",
      method: "POST",
      path: "",
      form: { grant_type: "client_credentials" },
      response: tokenResponse,
      // Asking for a token twice does no harm.
      idempotent: true,
    });
    const lifetimeMs = data.expires_in * 1000;
    const token = { accessToken: data.access_token, expiresAt: requestedAt + lifetimeMs - refreshMarginMs(lifetimeMs) };
    tokenCache.set(this.cacheKey, token);
    return token;
  }

  async listChargers(signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "listChargers",
      method: "GET",
      path: "/v1/chargers",
      response: read(chargersResponse, "listChargers"),
      signal,
    });
    return data.data;
  }

  /** One POST, never repeated: without a list endpoint a lost answer cannot be checked (see the adapter). */
  async addReservation(
    chargerId: string,
    connectorId: string,
    body: z.input<typeof reservationBody>,
    signal?: AbortSignal,
  ) {
    const { data } = await this.http.request({
      operation: "addReservation",
      method: "POST",
      path: pathOf("v1", "reservations", "chargers", chargerId, "connectors", connectorId),
      body,
      bodySchema: reservationBody,
      response: read(reservationResponse, "addReservation"),
      signal,
    });
    return data;
  }

  /** Accepts any 2xx (the docs disagree between 200 and 201); a 404 means it is already gone. */
  async removeReservation(reservationId: string, signal?: AbortSignal): Promise<"removed" | "not-found"> {
    try {
      await this.http.request({
        operation: "removeReservation",
        method: "DELETE",
        path: pathOf("v1", "reservations", reservationId),
        response: "none",
        signal,
      });
      return "removed";
    } catch (error) {
      if (isProviderError(error) && error.status === 404) return "not-found";
      throw error;
    }
  }

  async availability(chargerId: string, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "chargerAvailability",
      method: "GET",
      path: pathOf("v1", "chargerStatus", "chargers", chargerId, "availabilityStatus"),
      response: read(availabilityResponse, "chargerAvailability"),
      signal,
    });
    return data.items;
  }

  async transactions(
    query: {
      chargerId?: string;
      connectorId?: string;
      vehicleId?: string;
      from?: Date;
      to?: Date;
      orderBy?: string;
      order?: "asc" | "desc";
      page?: number;
      limit?: number;
    },
    signal?: AbortSignal,
  ) {
    const { data } = await this.http.request({
      operation: "transactions",
      method: "GET",
      path: "/v2/transactions",
      query: {
        chargerId: query.chargerId,
        connectorId: query.connectorId,
        vehicleId: query.vehicleId,
        from: query.from?.toISOString(),
        to: query.to?.toISOString(),
        orderBy: query.orderBy,
        order: query.order,
        page: query.page,
        limit: query.limit,
      },
      response: read(transactionsResponse, "transactions"),
      signal,
    });
    return data;
  }

  async registerRfid(tags: string[], signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "registerRfid",
      method: "POST",
      path: "/v2/rfid",
      body: { interimVehicleIDs: tags },
      bodySchema: rfidRegisterBody,
      response: read(rfidListResponse, "registerRfid"),
      signal,
    });
    return data.data;
  }

  async setRfidEnabled(tag: string, enabled: boolean, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: enabled ? "enableRfid" : "disableRfid",
      method: "POST",
      path: pathOf("v2", "rfid", tag, String(enabled)),
      response: read(rfidResponse, enabled ? "enableRfid" : "disableRfid"),
      // Setting the same state twice is harmless.
      idempotent: true,
      signal,
    });
    return data.data;
  }
}

/** For tests: forget every cached token. */
export function clearDepotTokenCache(): void {
  tokenCache.clear();
}
