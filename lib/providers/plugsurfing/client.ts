// HTTP calls to the Plugsurfing Drive API (user mode and EMP fleet mode), returning parsed wire shapes.
import { z } from "zod";
import { text, type ErrorText } from "@/lib/errors";
import { HttpClient, pathOf, type HttpClientConfig } from "../http";
import { isProviderError } from "../errors";
import { bucketFor, credentialFingerprint } from "../rate-limit";
import { tolerantResponse } from "../tolerant";
import {
  cardReservationBody,
  cardReservationResponse,
  createEmpKeyBody,
  createFleetBody,
  createUserBody,
  empKey,
  empKeysResponse,
  geosearchBody,
  geosearchResponse,
  invitationCodesResponse,
  plugsurfingErrorBody,
  renameFleetBody,
  sessionHistoryBody,
  sessionHistoryResponse,
  startSessionBody,
  startSessionResponse,
  userChargingKeysResponse,
  wireFleet,
  wireLocation,
  wireSession,
  type GeosearchBody,
} from "./schemas";
import type { ErrorMapper } from "../http";

export interface PlugsurfingConfig {
  baseUrl: string;
  apiKey: string;
}

export type PlugsurfingHttpOptions = Pick<
  HttpClientConfig,
  "fetch" | "limiter" | "timeoutMs" | "retry" | "log" | "sleep" | "now" | "random"
>;

/** What a failed call of these operations tells the user (`errors.providers.plugsurfing`). */
const OPERATION_TEXTS: Record<string, ErrorText> = {
  createUser: text("providers.plugsurfing.createUser"),
  startSession: text("providers.plugsurfing.startSession"),
  stopSession: text("providers.plugsurfing.stopSession"),
  reserveCard: text("providers.plugsurfing.reserveCard"),
};

/** A response schema whose dropped items are counted under this operation. */
const read = <T extends z.ZodType>(schema: T, operation: string) =>
  tolerantResponse(schema, { provider: "PLUGSURFING", operation });

export const mapPlugsurfingError: ErrorMapper = ({ operation, status, body }) => {
  const parsed = plugsurfingErrorBody.safeParse(body);
  const detail = parsed.success ? parsed.data.message : typeof body === "string" ? body.slice(0, 200) : undefined;
  if (status === 401) return { detail, text: text("providers.plugsurfing.apiKeyRejected") };
  if (status === 403) return { detail, text: text("providers.plugsurfing.permissionMissing") };
  if (status === 429 && operation === "reserveCard")
    return { detail, text: text("providers.plugsurfing.cardOrderLimit") };
  if (status === 404) return { detail, code: "NOT_FOUND" };
  return { detail, text: OPERATION_TEXTS[operation] };
};

/** Plugsurfing: 3,000 requests per clock minute and 1,000,000 per UTC day, per API key. Stay a little under. */
export function plugsurfingBuckets(config: PlugsurfingConfig) {
  const key = `plugsurfing:${credentialFingerprint(config.baseUrl, config.apiKey)}`;
  return [bucketFor(`${key}:minute`, 2_900, 60_000, 50), bucketFor(`${key}:day`, 990_000, 86_400_000, 10_000)];
}

export class PlugsurfingClient {
  readonly http: HttpClient;

  constructor(config: PlugsurfingConfig, options: PlugsurfingHttpOptions = {}) {
    const authHeaders = { "X-API-Key": config.apiKey };
    this.http = new HttpClient({
      provider: "PLUGSURFING",
      baseUrl: config.baseUrl,
      authHeaders: () => authHeaders,
      secrets: () => [config.apiKey],
      mapError: mapPlugsurfingError,
      buckets: plugsurfingBuckets(config),
      rateLimitFallback: "next-clock-minute",
      ...options,
    });
  }

  /** Creates the user; "exists" when Plugsurfing already has it (409), which callers treat as success. */
  async createUser(user: z.input<typeof createUserBody>, signal?: AbortSignal): Promise<"created" | "exists"> {
    try {
      // A repeat cannot create a second user (it answers 409), so retrying is safe.
      await this.http.request({
        operation: "createUser",
        method: "POST",
        path: "/v1/users",
        body: user,
        bodySchema: createUserBody,
        response: "none",
        idempotent: true,
        signal,
      });
      return "created";
    } catch (error) {
      if (!isProviderError(error) || error.status !== 409) throw error;
      // The docs give 409 for an email already in use; what a repeated id answers is not said. Only a user
      // that can be read back under this id counts as "exists".
      if (await this.userExists(user.id, signal)) return "exists";
      throw this.http.error({
        operation: "createUser",
        status: 409,
        code: "CONFLICT",
        retryable: false,
        text: text("providers.plugsurfing.emailInUse"),
        detail: "409 for a new user id: the email is in use",
      });
    }
  }

  private async userExists(userId: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.listUserKeys(userId, signal);
      return true;
    } catch (error) {
      if (isProviderError(error) && error.status === 404) return false;
      throw error;
    }
  }

  async listUserKeys(userId: string, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "listUserKeys",
      method: "GET",
      path: pathOf("v1", "users", userId, "charging-keys"),
      response: read(userChargingKeysResponse, "listUserKeys"),
      signal,
    });
    return data.keys;
  }

  /** Pre-registers a physical card/tag; activation later binds it to a user. */
  async reserveCard(card: z.input<typeof cardReservationBody>, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "reserveCard",
      method: "POST",
      path: "/v1/charging-keys/reservations",
      body: card,
      bodySchema: cardReservationBody,
      response: cardReservationResponse,
      // Its 429 means "one card per 5 minutes", not "slow down for a second".
      retryRateLimited: false,
      signal,
    });
    return data ?? {};
  }

  async geosearchRadius(
    params: {
      latitude: number;
      longitude: number;
      distanceM?: number;
      limit?: number;
      aggregate?: boolean;
      aggregationPrecision?: number;
    },
    body: GeosearchBody = {},
    signal?: AbortSignal,
  ) {
    const { data } = await this.http.request({
      operation: "geosearch",
      method: "POST",
      path: "/v1/geosearch/radius",
      query: {
        latitude: params.latitude,
        longitude: params.longitude,
        distance: params.distanceM === undefined ? undefined : Math.round(params.distanceM),
        limit: params.limit === undefined ? undefined : Math.min(300, Math.max(1, params.limit)),
        aggregate: params.aggregate ?? false,
        aggregationPrecision: params.aggregationPrecision,
      },
      body,
      bodySchema: geosearchBody,
      response: read(geosearchResponse, "geosearch"),
      // A search changes nothing.
      idempotent: true,
      signal,
    });
    return data;
  }

  /** One location, with the fleet's own tariff when fleetId is given; null when unknown. */
  async getLocation(locationId: string, fleetId?: string, signal?: AbortSignal) {
    try {
      const { data } = await this.http.request({
        operation: "getLocation",
        method: "GET",
        path: pathOf("v1", "locations", locationId),
        query: { fleetId },
        response: read(wireLocation, "getLocation"),
        signal,
      });
      return data;
    } catch (error) {
      if (isProviderError(error) && error.status === 404) return null;
      throw error;
    }
  }

  /** One location priced for the fleet; the path is undocumented, so a 404 is the caller's to read. */
  async getFleetLocation(locationId: string, fleetId: string, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "getFleetLocation",
      method: "GET",
      path: pathOf("v1", "locations", locationId),
      query: { fleetId },
      response: read(wireLocation, "getFleetLocation"),
      signal,
    });
    return data;
  }

  async startSession(userId: string, connectorId: string, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "startSession",
      method: "POST",
      path: pathOf("v1", "users", userId, "sessions", "start"),
      body: { connectorId },
      bodySchema: startSessionBody,
      response: read(startSessionResponse, "startSession"),
      signal,
    });
    return data;
  }

  async stopSession(userId: string, sessionId: string, signal?: AbortSignal): Promise<void> {
    await this.http.request({
      operation: "stopSession",
      method: "POST",
      path: pathOf("v1", "users", userId, "sessions", sessionId, "stop"),
      response: "none",
      // Stopping a stopped session is a harmless 200.
      idempotent: true,
      signal,
    });
  }

  async getSession(userId: string, sessionId: string, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "getSession",
      method: "GET",
      path: pathOf("v1", "users", userId, "sessions", sessionId),
      response: read(wireSession, "getSession"),
      signal,
    });
    return data;
  }

  async sessionHistory(userId: string, body: z.input<typeof sessionHistoryBody>, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "sessionHistory",
      method: "POST",
      path: pathOf("v1", "users", userId, "sessions", "history"),
      body,
      bodySchema: sessionHistoryBody,
      response: read(sessionHistoryResponse, "sessionHistory"),
      idempotent: true,
      signal,
    });
    return data;
  }

  async createFleet(fleet: z.input<typeof createFleetBody>, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "createFleet",
      method: "POST",
      path: "/emp/v1/fleets",
      body: fleet,
      bodySchema: createFleetBody,
      response: read(wireFleet, "createFleet"),
      signal,
    });
    return data;
  }

  async renameFleet(fleetId: string, newName: string, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "renameFleet",
      method: "PUT",
      path: pathOf("emp", "v1", "fleets", fleetId, "rename"),
      body: { newName },
      bodySchema: renameFleetBody,
      response: read(wireFleet, "renameFleet"),
      signal,
    });
    return data;
  }

  /** Active invitation codes; Plugsurfing answers 404 both for "no codes" and "no fleet": both are []. */
  async listInvitationCodes(fleetId: string, signal?: AbortSignal) {
    try {
      const { data } = await this.http.request({
        operation: "listInvitationCodes",
        method: "GET",
        path: pathOf("emp", "v1", "fleets", fleetId, "invitation"),
        response: read(invitationCodesResponse, "listInvitationCodes"),
        signal,
      });
      return data;
    } catch (error) {
      if (isProviderError(error) && error.status === 404) return [];
      throw error;
    }
  }

  async listFleetKeys(query: { fleetId?: string; cursor?: string; pageSize?: number }, signal?: AbortSignal) {
    const pageSize = query.pageSize === undefined ? undefined : Math.min(500, Math.max(10, query.pageSize));
    const { data } = await this.http.request({
      operation: "listFleetKeys",
      method: "GET",
      path: "/emp/v1/charging-keys",
      query: { fleetId: query.fleetId, cursor: query.cursor, page_size: pageSize },
      response: read(empKeysResponse, "listFleetKeys"),
      signal,
    });
    return data;
  }

  async createFleetKey(key: z.input<typeof createEmpKeyBody>, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: "createFleetKey",
      method: "POST",
      path: "/emp/v1/charging-keys",
      body: key,
      bodySchema: createEmpKeyBody,
      response: read(empKey, "createFleetKey"),
      signal,
    });
    return data;
  }

  async setFleetKeyEnabled(keyIdentifier: string, enabled: boolean, signal?: AbortSignal) {
    const { data } = await this.http.request({
      operation: enabled ? "enableFleetKey" : "disableFleetKey",
      method: "POST",
      path: pathOf("emp", "v1", "charging-keys", keyIdentifier, enabled ? "enable" : "disable"),
      response: read(empKey, enabled ? "enableFleetKey" : "disableFleetKey"),
      // Setting the same state twice is harmless.
      idempotent: true,
      signal,
    });
    return data;
  }
}
