// The DepotFinity adapter: the fleet's own depot chargers (as searchable locations), RFID reservations,
// availability, transactions and RFID tags.
import type {
  ChargingKey,
  ChargingLocation,
  ChargingTransaction,
  CreateBookingRequest,
  EvseStatus,
  ProviderBooking,
  ProviderFleet,
} from "@/lib/domain";
import { text } from "@/lib/errors";
import { isProviderError } from "../errors";
import { providerTelemetry } from "../telemetry";
import type {
  CallOptions,
  CompletedSessionsPage,
  CompletedSessionsQuery,
  ChargingKeyState,
  FleetCharger,
  LostAnswerFinding,
  NewFleetKey,
  OpenBookingRef,
  ProviderAdapter,
  ReleaseOutcome,
  SearchQuery,
} from "../types";
import { haversineMetres } from "../units";
import { DepotFinityClient, type DepotFinityConfig, type DepotFinityHttpOptions } from "./client";
import { fleetChargerLocation, statusFromAvailability } from "./fleet-chargers";
import { toChargerLocation, toSessionRecord, toTransaction } from "./transform";

export const DEPOTFINITY_CAPABILITIES = ["search", "chargerList", "bookings", "fleetKeys", "sessionSource"] as const;
export type DepotFinityCapability = (typeof DEPOTFINITY_CAPABILITIES)[number];

/** A transaction may reach the list a little after it ends: judge a finished reservation after this. */
const TRANSACTIONS_SETTLE_MS = 15 * 60_000;
/** Finished reservations checked per refresh, at most. */
const MAX_OUTCOME_CHECKS = 10;

type Availability = Array<{
  timestamp: string;
  status: "Available" | "Unavailable" | "Faulted" | (string & {});
  errorCode?: string;
}>;

/** The telemetry name of the optional, undocumented charger list. */
export const CHARGER_LIST_FEATURE = "chargerList";
/** At most this many availability calls per search, nearest chargers first; the others stay UNKNOWN. */
const MAX_STATUS_CALLS = 12;
/** Live status is a bonus: after this long the search answers without the rest of it. */
const STATUS_BUDGET_MS = 1_500;

export class DepotFinityAdapter implements ProviderAdapter<DepotFinityCapability> {
  readonly name = "DEPOTFINITY" as const;
  readonly capabilities = DEPOTFINITY_CAPABILITIES;
  readonly client: DepotFinityClient;
  /** Transactions are listed for the whole account. */
  readonly sessionScope = "account" as const;

  constructor(config: DepotFinityConfig, options: DepotFinityHttpOptions = {}) {
    this.client = new DepotFinityClient(config, options);
  }

  /** GET /v1/chargers as answered by servers that have it; DepotFinity does not document it. */
  async listChargers(options?: CallOptions): Promise<ChargingLocation[]> {
    return (await this.client.listChargers(options?.signal))
      .map(toChargerLocation)
      .filter((l): l is ChargingLocation => l !== null);
  }

  /** False once the charger list answered 404 in this process: the dashboard then offers no import from it. */
  get chargerListAvailable(): boolean {
    return !providerTelemetry().isFeatureDisabled(this.name, CHARGER_LIST_FEATURE);
  }

  /**
   * The depot's chargers in the shape a fleet configures them, for importing: a convenience only, since the
   * list is undocumented. null when the server has no such endpoint (404, remembered until restart).
   */
  async chargerList(options?: CallOptions): Promise<FleetCharger[] | null> {
    if (!this.chargerListAvailable) return null;
    try {
      return (await this.listChargers(options)).map((l) => ({
        chargerId: l.id,
        name: l.name,
        latitude: l.latitude,
        longitude: l.longitude,
        address: l.address,
        timeZone: l.timeZone,
        connectors: l.evses.flatMap((e) =>
          e.connectors.map((c) => ({ connectorId: c.id, standard: c.standard, powerKw: c.powerKw })),
        ),
      }));
    } catch (error) {
      if (isProviderError(error) && error.status === 404) {
        providerTelemetry().disableFeature(
          this.name,
          CHARGER_LIST_FEATURE,
          "GET /v1/chargers answered 404: depot chargers are configured in the dashboard only",
        );
        return null;
      }
      throw error;
    }
  }

  /**
   * The fleet's configured chargers within the radius, nearest first: DepotFinity documents no charger list
   * or search, so the fleet's own configuration is the source. Live status is added where cheap.
   */
  async search(query: SearchQuery, options?: CallOptions): Promise<ChargingLocation[]> {
    const centre = { latitude: query.latitude, longitude: query.longitude };
    const standards = query.connectorStandards ?? [];
    const found = (query.fleetChargers ?? [])
      .map(fleetChargerLocation)
      .map((l) => ({ ...l, distanceM: Math.round(haversineMetres(centre, l)) }))
      .filter((l) => l.distanceM <= query.radiusM)
      .filter(
        (l) => standards.length === 0 || l.evses.some((e) => e.connectors.some((c) => standards.includes(c.standard))),
      )
      .filter(
        (l) => !query.minPowerKw || l.evses.some((e) => e.connectors.some((c) => c.powerKw >= (query.minPowerKw ?? 0))),
      )
      .filter(
        (l) =>
          !query.powerType ||
          l.evses.some((e) => e.connectors.some((c) => (c.powerType === "DC") === (query.powerType === "DC"))),
      )
      .sort((a, b) => a.distanceM - b.distanceM);
    const located = await this.withLiveStatus(query.limit ? found.slice(0, query.limit) : found, options);
    return query.availableNow ? located.filter((l) => l.evses.some((e) => e.status === "AVAILABLE")) : located;
  }

  /**
   * Best effort: the availability of the nearest few chargers, within a short budget. A failed, slow or
   * skipped call leaves the status UNKNOWN and never fails the search.
   */
  private async withLiveStatus(locations: ChargingLocation[], options?: CallOptions): Promise<ChargingLocation[]> {
    if (locations.length === 0) return locations;
    const controller = new AbortController();
    const stop = () => controller.abort();
    options?.signal?.addEventListener("abort", stop, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const budget = new Promise<EvseStatus>((resolve) => {
      timer = setTimeout(() => {
        stop();
        resolve("UNKNOWN");
      }, STATUS_BUDGET_MS);
    });
    try {
      const statuses = await Promise.all(
        locations
          .slice(0, MAX_STATUS_CALLS)
          .map((l) =>
            Promise.race([
              this.client.availability(l.id, controller.signal).then(statusFromAvailability, () => "UNKNOWN" as const),
              budget,
            ]),
          ),
      );
      return locations.map((l, i) =>
        statuses[i] ? { ...l, evses: l.evses.map((e) => ({ ...e, status: statuses[i] })) } : l,
      );
    } finally {
      clearTimeout(timer);
      options?.signal?.removeEventListener("abort", stop);
    }
  }

  /**
   * Reserves a connector for an RFID value. Never repeated blindly: DepotFinity has no way to look a
   * reservation up, so a lost answer is thrown as OUTCOME_UNKNOWN (retryable). Trying again is safe in
   * the sense that an existing reservation makes the repeat fail with CONFLICT (overlap), never book twice.
   */
  async reserve(
    request: { chargerId: string; connectorId: string; start: Date; end: Date; rfidValue: string },
    options?: CallOptions,
  ): Promise<{ reservationId: string }> {
    try {
      const wire = await this.client.addReservation(
        request.chargerId,
        request.connectorId,
        {
          ReservationStart: request.start.toISOString(),
          ReservationEnd: request.end.toISOString(),
          AuthorizationType: "RFID",
          AuthorizationValue: request.rfidValue,
        },
        options?.signal,
      );
      return { reservationId: wire.ChargerReservationID };
    } catch (error) {
      if (isProviderError(error) && error.code === "OUTCOME_UNKNOWN") {
        throw this.client.http.error({
          operation: "reserve",
          status: error.status,
          code: "OUTCOME_UNKNOWN",
          retryable: true,
          text: text("providers.depotFinity.reservationUnconfirmed"),
          detail: `${error.detail ?? error.code}; charger ${request.chargerId} connector ${request.connectorId}`,
        });
      }
      throw error;
    }
  }

  // ---- The booking port: a reservation is a booking confirmed by its 201 -----------------------------

  async book(request: CreateBookingRequest, options?: CallOptions): Promise<ProviderBooking> {
    if (request.token.strategy !== "RFID") {
      throw this.client.http.error({
        operation: "reserve",
        code: "INVALID_REQUEST",
        retryable: false,
        text: text("providers.depotFinity.rfidOnly"),
        detail: `token strategy ${request.token.strategy}`,
      });
    }
    const { reservationId } = await this.reserve(reservationOf(request, request.token.rfidValue), options);
    return {
      provider: this.name,
      id: reservationId,
      externalId: request.externalId,
      status: "CONFIRMED",
      locationId: request.locationId,
      evseUid: request.evseUid,
      windowStart: request.windowStart.toISOString(),
      windowEnd: request.windowEnd.toISOString(),
    };
  }

  /**
   * DepotFinity documents no way to read a reservation back, and its availability statuses
   * (Available/Unavailable/Faulted) cannot tell our reservation from anyone else's use of the connector.
   * Sending the request again is no probe either: the docs do not say that an overlap is refused.
   */
  async investigate(): Promise<LostAnswerFinding> {
    return { kind: "unknown", reason: text("providers.depotFinity.cannotLookUp") };
  }

  async cancel(bookingId: string, _reason: string, options?: CallOptions): Promise<ProviderBooking> {
    await this.removeReservation(bookingId, options);
    return { provider: this.name, id: bookingId, status: "CANCELLED" };
  }

  /**
   * Without the reservation id the only documented handle is the request itself: sent again, a 201 gives
   * an id to remove at once (so nothing stays held), a conflict means the slot is held and only
   * DepotFinity's own portal can remove it before its window ends.
   */
  async release(request: CreateBookingRequest, options?: CallOptions): Promise<ReleaseOutcome> {
    if (request.token.strategy !== "RFID") return { kind: "nothing-there" };
    try {
      const { reservationId } = await this.reserve(reservationOf(request, request.token.rfidValue), options);
      await this.removeReservation(reservationId, options);
      return { kind: "removed" };
    } catch (error) {
      if (isProviderError(error) && error.code === "CONFLICT") {
        return { kind: "held", message: text("providers.depotFinity.heldWithoutNumber") };
      }
      throw error;
    }
  }

  /**
   * A reservation stays as it was confirmed until someone removes it; once its window is over, the
   * documented transactions tell whether the vehicle charged there in that window (COMPLETED) or never
   * came (NO_SHOW). One request per finished reservation, a few per round.
   */
  async refresh(
    open: OpenBookingRef[],
    options?: CallOptions & { now?: Date },
  ): Promise<{ reports: Map<string, ProviderBooking>; requests: number }> {
    const now = (options?.now ?? new Date()).getTime();
    const reports = new Map<string, ProviderBooking>();
    let requests = 0;
    for (const booking of open) {
      if (booking.windowEnd.getTime() > now - TRANSACTIONS_SETTLE_MS || requests >= MAX_OUTCOME_CHECKS) continue;
      requests++;
      try {
        const { transactions } = await this.transactions(
          {
            chargerId: booking.locationId,
            connectorId: booking.connectorId ?? booking.evseUid,
            from: booking.windowStart,
            to: booking.windowEnd,
            limit: 20,
          },
          options,
        );
        const start = booking.windowStart.getTime();
        const end = booking.windowEnd.getTime();
        const charged = transactions.some(
          (t) => Date.parse(t.startTime) < end && (t.stopTime ? Date.parse(t.stopTime) : end) > start,
        );
        reports.set(booking.providerBookingId, {
          provider: this.name,
          id: booking.providerBookingId,
          status: charged ? "COMPLETED" : "NO_SHOW",
        });
      } catch (error) {
        if (!isProviderError(error) || !error.retryable) throw error;
        break; // DepotFinity is struggling: the next round asks again
      }
    }
    return { reports, requests };
  }

  /** Removes it; a reservation DepotFinity no longer knows (404) counts as removed. */
  async removeReservation(reservationId: string, options?: CallOptions): Promise<void> {
    await this.client.removeReservation(reservationId, options?.signal);
  }

  async chargerAvailability(chargerId: string, options?: CallOptions): Promise<Availability> {
    return (await this.client.availability(chargerId, options?.signal)).map((item) => ({
      timestamp: item.timeStamp,
      status: item.status,
      errorCode: item.errorCode ?? undefined,
    }));
  }

  /** One page (1-based) of transactions. */
  async transactions(
    query: Parameters<DepotFinityClient["transactions"]>[0],
    options?: CallOptions,
  ): Promise<{ transactions: ChargingTransaction[]; page: number; total?: number; hasMore: boolean }> {
    const page = query.page ?? 1;
    const wire = await this.client.transactions({ ...query, page }, options?.signal);
    const transactions = wire.data.map(toTransaction);
    const hasMore = wire.meta
      ? wire.meta.page * wire.meta.limit < wire.meta.total
      : wire.received > 0 && wire.received >= (query.limit ?? 100);
    return { transactions, page, total: wire.meta?.total, hasMore };
  }

  /** The session-source port: transactions since a time, the cursor being the next 1-based page. */
  async completedSessions(query: CompletedSessionsQuery, options?: CallOptions): Promise<CompletedSessionsPage> {
    const page = query.cursor ? Number(query.cursor) : 1;
    const result = await this.transactions({ from: query.since, page, limit: query.limit ?? 100 }, options);
    return {
      sessions: result.transactions.map(toSessionRecord),
      cursor: result.hasMore && result.transactions.length > 0 ? String(page + 1) : undefined,
    };
  }

  /** Every page, bounded. */
  async allTransactions(
    query: Omit<Parameters<DepotFinityClient["transactions"]>[0], "page">,
    options?: CallOptions & { maxPages?: number },
  ) {
    const all: ChargingTransaction[] = [];
    for (let page = 1; page <= (options?.maxPages ?? 1_000); page++) {
      const result = await this.transactions({ ...query, page }, options);
      all.push(...result.transactions);
      if (!result.hasMore || result.transactions.length === 0) break;
    }
    return all;
  }

  async registerRfid(tags: string[], options?: CallOptions): Promise<Array<{ tag: string; enabled: boolean }>> {
    // A new tag is enabled unless DepotFinity says otherwise.
    return (await this.client.registerRfid(tags, options?.signal)).map((r) => ({
      tag: r.id,
      enabled: r.attributes?.Enabled ?? true,
    }));
  }

  async setRfidEnabled(
    tag: string,
    enabled: boolean,
    options?: CallOptions,
  ): Promise<{ tag: string; enabled: boolean }> {
    const r = await this.client.setRfidEnabled(tag, enabled, options?.signal);
    return { tag: r.id, enabled: r.attributes?.Enabled ?? enabled };
  }

  // ── fleetKeys: RFID tags ──
  /** DepotFinity documents no way to list tags: the dashboard's own copy is the record. */
  async listKeys(): Promise<ChargingKey[] | null> {
    return null;
  }

  /** Registers the tag (the account is the fleet's own); registering a known tag again only enables it. */
  async createKey(_fleet: ProviderFleet, key: NewFleetKey, options?: CallOptions): Promise<ChargingKey> {
    const [tag] = await this.registerRfid([key.keyIdentifier], options);
    return {
      provider: this.name,
      keyId: tag?.tag ?? key.keyIdentifier,
      visualNumber: key.visualNumber,
      type: "RFID_TAG",
      enabled: tag?.enabled ?? true,
      validTo: key.validTo?.toISOString(),
    };
  }

  async setKeyEnabled(keyId: string, enabled: boolean, options?: CallOptions): Promise<ChargingKeyState> {
    const tag = await this.setRfidEnabled(keyId, enabled, options);
    return { keyId: tag.tag, enabled: tag.enabled };
  }
}

function reservationOf(request: CreateBookingRequest, rfidValue: string) {
  return {
    chargerId: request.locationId,
    connectorId: request.connectorId ?? request.evseUid,
    start: request.windowStart,
    end: request.windowEnd,
    rfidValue,
  };
}
