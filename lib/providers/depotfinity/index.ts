// The DepotFinity adapter: the fleet's own depot chargers (as searchable locations), RFID reservations,
// availability, transactions and RFID tags.
import type { ChargingLocation, ChargingTransaction } from "@/lib/domain";
import { ProviderError, isProviderError } from "../errors";
import type { CallOptions, ProviderAdapter, ReservationsCapable, SearchQuery } from "../types";
import { haversineMetres } from "../units";
import { DepotFinityClient, type DepotFinityConfig, type DepotFinityHttpOptions } from "./client";
import { toChargerLocation, toTransaction } from "./transform";

export const DEPOTFINITY_CAPABILITIES = ["search", "reservations"] as const;
export type DepotFinityCapability = (typeof DEPOTFINITY_CAPABILITIES)[number];

type Availability = Awaited<ReturnType<ReservationsCapable["chargerAvailability"]>>;

export class DepotFinityAdapter implements ProviderAdapter<DepotFinityCapability> {
  readonly name = "DEPOTFINITY" as const;
  readonly capabilities = DEPOTFINITY_CAPABILITIES;
  readonly client: DepotFinityClient;

  constructor(config: DepotFinityConfig, options: DepotFinityHttpOptions = {}) {
    this.client = new DepotFinityClient(config, options);
  }

  async listChargers(options?: CallOptions): Promise<ChargingLocation[]> {
    return (await this.client.listChargers(options?.signal))
      .map(toChargerLocation)
      .filter((l): l is ChargingLocation => l !== null);
  }

  /** Depot chargers within the radius, nearest first (DepotFinity has no search: filtered here). */
  async search(query: SearchQuery, options?: CallOptions): Promise<ChargingLocation[]> {
    const centre = { latitude: query.latitude, longitude: query.longitude };
    const standards = query.connectorStandards ?? [];
    const found = (await this.listChargers(options))
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
    return query.limit ? found.slice(0, query.limit) : found;
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
          userMessage:
            "DepotFinity did not confirm the reservation and it cannot be looked up. It may exist: retrying will report a conflict if it does.",
          detail: `${error.detail ?? error.code}; charger ${request.chargerId} connector ${request.connectorId}`,
        });
      }
      throw error;
    }
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
      : transactions.length > 0 && transactions.length >= (query.limit ?? 100);
    return { transactions, page, total: wire.meta?.total, hasMore };
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
    return (await this.client.registerRfid(tags, options?.signal)).map((r) => ({
      tag: r.id,
      enabled: r.attributes.Enabled,
    }));
  }

  async setRfidEnabled(
    tag: string,
    enabled: boolean,
    options?: CallOptions,
  ): Promise<{ tag: string; enabled: boolean }> {
    const r = await this.client.setRfidEnabled(tag, enabled, options?.signal);
    return { tag: r.id, enabled: r.attributes.Enabled };
  }
}
