// The Plugsurfing Drive adapter: search, remote start/stop, session history, keys, EMP fleets and invitation codes.
import type {
  ChargingKey,
  ChargingLocation,
  ChargingSession,
  InvitationCode,
  PriceEstimate,
  ProviderFleet,
  RemoteStartResult,
  SessionRecord,
} from "@/lib/domain";
import { isProviderError } from "../errors";
import { providerTelemetry } from "../telemetry";
import type {
  AggregateQuery,
  CallOptions,
  ChargingKeyState,
  CompletedSessionsPage,
  CompletedSessionsQuery,
  NewFleetKey,
  ProviderAdapter,
  SearchQuery,
  SessionHistoryCapable,
  SessionHistoryPage,
} from "../types";
import { haversineMetres } from "../units";
import { PlugsurfingClient, type PlugsurfingConfig, type PlugsurfingHttpOptions } from "./client";
import type { GeosearchBody } from "./schemas";
import {
  connectorStandardToPlugsurfing,
  toAggregates,
  toFleet,
  toFleetKey,
  toLocation,
  toLocations,
  toSession,
  toSessionRecord,
  toUserKey,
  type LocationsResult,
} from "./transform";

export const PLUGSURFING_CAPABILITIES = [
  "search",
  "remoteStartStop",
  "sessionHistory",
  "sessionSource",
  "fleetPricing",
  "keys",
  "fleetKeys",
  "fleets",
  "invitationCodes",
] as const;
export type PlugsurfingCapability = (typeof PLUGSURFING_CAPABILITIES)[number];

type HistoryQuery = Parameters<SessionHistoryCapable["sessionHistory"]>[1];

/** The telemetry feature switched off when location-by-id with fleetId turns out not to exist. */
const FLEET_PRICING_FEATURE = "fleetPricing";

export class PlugsurfingAdapter implements ProviderAdapter<PlugsurfingCapability> {
  readonly name = "PLUGSURFING" as const;
  readonly capabilities = PLUGSURFING_CAPABILITIES;
  readonly client: PlugsurfingClient;
  /** [doc] a second start on the same connector within 60 s is refused. */
  readonly restartGuardSeconds = 60;
  /** History is listed per user. */
  readonly sessionScope = "driver" as const;

  constructor(config: PlugsurfingConfig, options: PlugsurfingHttpOptions = {}) {
    this.client = new PlugsurfingClient(config, options);
  }

  // ── Users ──
  /** Registers the driver, or does nothing when Plugsurfing already knows the id. */
  async ensureUser(userId: string, email?: string, options?: CallOptions): Promise<"created" | "exists"> {
    return this.client.createUser({ id: userId, email }, options?.signal);
  }

  async reserveCard(
    card: { uid: string; visualNumber: string; type: "TAG" | "CARD" },
    options?: CallOptions,
  ): Promise<void> {
    await this.client.reserveCard(card, options?.signal);
  }

  // ── search ──
  async search(query: SearchQuery, options?: CallOptions): Promise<ChargingLocation[]> {
    const result = await this.geosearch(query, options);
    return result.locations;
  }

  /** Counts per geohash area of every location in the circle that matches the filters (geosearch `aggregate`). */
  async aggregate(query: AggregateQuery, options?: CallOptions) {
    // One location is the least a call may return; only the counts are read.
    const result = await this.geosearch(
      { ...query, limit: 1, aggregate: true, aggregationPrecision: query.precision },
      options,
    );
    return result.aggregates;
  }

  /** The full geosearch: locations (with distance), what was skipped and why, and map aggregates if asked. */
  async geosearch(
    query: SearchQuery & { aggregate?: boolean; aggregationPrecision?: number; open247?: boolean },
    options?: CallOptions,
  ): Promise<LocationsResult & { aggregates: Array<{ latitude: number; longitude: number; count: number }> }> {
    const standards = query.connectorStandards
      ?.map(connectorStandardToPlugsurfing)
      .filter((s): s is string => Boolean(s));
    const filters: NonNullable<GeosearchBody["filters"]> = {};
    if (standards && standards.length > 0) filters.connectorStandards = standards;
    if (query.availableNow) filters.locationStatuses = ["AVAILABLE"];
    if (query.powerType) filters.powerType = query.powerType;
    if (query.minPowerKw) filters.power = Math.round(query.minPowerKw * 1000);
    if (query.open247) filters.open247 = true;
    const wire = await this.client.geosearchRadius(
      {
        latitude: query.latitude,
        longitude: query.longitude,
        distanceM: query.radiusM,
        limit: query.limit,
        aggregate: query.aggregate,
        aggregationPrecision: query.aggregationPrecision,
      },
      Object.keys(filters).length > 0 ? { filters, options: { filterEvsesAndConnectors: true } } : {},
      options?.signal,
    );
    const converted = toLocations(wire.locations);
    const centre = { latitude: query.latitude, longitude: query.longitude };
    for (const location of converted.locations) location.distanceM = Math.round(haversineMetres(centre, location));
    // Plugsurfing names only some standards; the rest are filtered here.
    const wanted = query.connectorStandards;
    const locations =
      wanted && wanted.length > 0 && (!standards || standards.length < wanted.length)
        ? converted.locations.filter((l) => l.evses.some((e) => e.connectors.some((c) => wanted.includes(c.standard))))
        : converted.locations;
    return { locations, skipped: converted.skipped, aggregates: toAggregates(wire.aggregates) };
  }

  async getLocation(locationId: string, fleetId?: string, options?: CallOptions): Promise<ChargingLocation | null> {
    const wire = await this.client.getLocation(locationId, fleetId, options?.signal);
    if (!wire) return null;
    const converted = toLocation(wire);
    if (!converted.ok) {
      throw this.client.http.error({
        operation: "getLocation",
        code: "INVALID_RESPONSE",
        retryable: false,
        detail: converted.reason,
      });
    }
    return converted.location;
  }

  // ── remoteStartStop ──
  async startSession(userId: string, connectorId: string, options?: CallOptions): Promise<RemoteStartResult> {
    const wire = await this.client.startSession(userId, connectorId, options?.signal);
    return { sessionId: wire.sessionId ?? undefined, threeDSClientSecret: wire.threeDSClientSecret ?? undefined };
  }

  async stopSession(userId: string, sessionId: string, options?: CallOptions): Promise<void> {
    await this.client.stopSession(userId, sessionId, options?.signal);
  }

  async getSession(userId: string, sessionId: string, options?: CallOptions): Promise<ChargingSession> {
    return toSession(await this.client.getSession(userId, sessionId, options?.signal));
  }

  async ensureDriver(userId: string, email?: string, options?: CallOptions): Promise<void> {
    await this.ensureUser(userId, email, options);
  }

  async liveSession(userId: string, sessionId: string, options?: CallOptions): Promise<SessionRecord> {
    return toSessionRecord(await this.getSession(userId, sessionId, options));
  }

  // ── sessionSource ──
  async completedSessions(query: CompletedSessionsQuery, options?: CallOptions): Promise<CompletedSessionsPage> {
    if (!query.userId) throw new Error("Plugsurfing lists sessions per user: userId is required");
    const page = await this.sessionHistory(
      query.userId,
      { statuses: ["COMPLETE"], startTime: query.since, cursor: query.cursor, limit: query.limit },
      options,
    );
    return { sessions: page.sessions.map(toSessionRecord), cursor: page.cursor };
  }

  // ── fleetPricing ──
  /** Location by id with fleetId is undocumented: a 404 switches the feature off until restart. */
  async fleetPrice(locationId: string, fleetId: string, options?: CallOptions): Promise<PriceEstimate | null> {
    const telemetry = providerTelemetry();
    if (telemetry.isFeatureDisabled(this.name, FLEET_PRICING_FEATURE)) return null;
    let wire;
    try {
      wire = await this.client.getFleetLocation(locationId, fleetId, options?.signal);
    } catch (error) {
      if (isProviderError(error) && error.status === 404) {
        telemetry.disableFeature(this.name, FLEET_PRICING_FEATURE, "GET /v1/locations/{id}?fleetId answered 404");
        return null;
      }
      throw error;
    }
    const converted = toLocation(wire);
    const price = converted.ok ? converted.location.price : undefined;
    return price?.fleetSpecific ? { ...price, fleetSpecific: true } : null;
  }

  // ── sessionHistory ──
  async sessionHistory(userId: string, query: HistoryQuery, options?: CallOptions): Promise<SessionHistoryPage> {
    const wire = await this.client.sessionHistory(
      userId,
      {
        sessionStatus: query.statuses,
        chargingKeyId: query.chargingKeyId,
        startTime: query.startTime?.toISOString(),
        endTime: query.endTime?.toISOString(),
        cursor: query.cursor,
        limit: query.limit === undefined ? undefined : Math.min(100, Math.max(1, query.limit)),
      },
      options?.signal,
    );
    return { sessions: wire.sessions.map(toSession), cursor: wire.cursor ?? undefined };
  }

  /** Every page, following the cursor until Plugsurfing leaves it out (bounded, in case it never does). */
  async allSessions(
    userId: string,
    query: Omit<HistoryQuery, "cursor">,
    options?: CallOptions & { maxPages?: number },
  ) {
    const sessions: ChargingSession[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < (options?.maxPages ?? 1_000); page++) {
      const result = await this.sessionHistory(userId, { ...query, cursor }, options);
      sessions.push(...result.sessions);
      if (!result.cursor || result.cursor === cursor) return sessions;
      cursor = result.cursor;
    }
    return sessions;
  }

  // ── keys ──
  async listUserKeys(userId: string, options?: CallOptions): Promise<ChargingKey[]> {
    return (await this.client.listUserKeys(userId, options?.signal)).map(toUserKey);
  }

  async listFleetKeys(fleetId: string, page: { cursor?: string; pageSize?: number }, options?: CallOptions) {
    const wire = await this.client.listFleetKeys({ fleetId, ...page }, options?.signal);
    return { keys: wire.keys.map(toFleetKey), cursor: wire.cursor ?? undefined };
  }

  async createFleetKey(
    key: { keyIdentifier: string; visualNumber: string; fleetId?: string; validTo?: Date },
    options?: CallOptions,
  ): Promise<ChargingKey> {
    const wire = await this.client.createFleetKey(
      {
        keyIdentifier: key.keyIdentifier,
        visualNumber: key.visualNumber,
        fleetId: key.fleetId,
        validTo: key.validTo?.toISOString(),
      },
      options?.signal,
    );
    return toFleetKey(wire);
  }

  async setKeyEnabled(keyIdentifier: string, enabled: boolean, options?: CallOptions): Promise<ChargingKeyState> {
    const key = toFleetKey(await this.client.setFleetKeyEnabled(keyIdentifier, enabled, options?.signal));
    return { keyId: key.keyId, enabled: key.enabled };
  }

  // ── fleetKeys: the EMP keys of the fleet, every page ──
  async listKeys(
    fleet: ProviderFleet,
    options?: CallOptions & { pageSize?: number; maxPages?: number },
  ): Promise<ChargingKey[]> {
    const keys: ChargingKey[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < (options?.maxPages ?? 1000); page++) {
      const answer = await this.listFleetKeys(fleet.fleetId, { cursor, pageSize: options?.pageSize ?? 500 }, options);
      keys.push(...answer.keys);
      // Bounded, and a cursor that does not move would loop forever.
      if (!answer.cursor || answer.cursor === cursor || answer.keys.length === 0) break;
      cursor = answer.cursor;
    }
    return keys;
  }

  async createKey(fleet: ProviderFleet, key: NewFleetKey, options?: CallOptions): Promise<ChargingKey> {
    return this.createFleetKey({ ...key, fleetId: fleet.fleetId }, options);
  }

  // ── fleets, invitationCodes ──
  async createFleet(fleet: ProviderFleet, options?: CallOptions): Promise<ProviderFleet> {
    return toFleet(
      await this.client.createFleet({ fleetId: fleet.fleetId, fleetName: fleet.fleetName }, options?.signal),
    );
  }

  async renameFleet(fleetId: string, newName: string, options?: CallOptions): Promise<ProviderFleet> {
    return toFleet(await this.client.renameFleet(fleetId, newName, options?.signal));
  }

  async listInvitationCodes(fleetId: string, options?: CallOptions): Promise<InvitationCode[]> {
    return this.client.listInvitationCodes(fleetId, options?.signal);
  }
}
