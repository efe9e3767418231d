// The read API's endpoints as the browser sees them: name, path, and the types of input and answer. The
// schemas are referred to as types only, so no zod reaches the browser; lib/api/contract.ts pairs each
// endpoint with its schema for the route handlers.
import type { z } from "zod";
import type { AlertList } from "@/lib/alerts/list-alerts";
import type { listAlertsInput } from "@/lib/alerts/schemas";
import type { auditExportInput } from "@/lib/audit-log/schemas";
import type { BatchView } from "@/lib/bookings/batches";
import type { BookableLocation } from "@/lib/bookings/chargers";
import type { BookingsPage, BookingView, getBookingDetail } from "@/lib/bookings/records";
import type { BoardData } from "@/lib/bookings/board";
import type {
  batchIdInput,
  boardInput,
  bookingIdInput,
  exportBookingsInput,
  listBookingsInput,
  searchChargersInput,
} from "@/lib/bookings/schemas";
import type { ProviderHealthSnapshot } from "@/lib/providers/health";
import type { KeyRow } from "@/lib/keys/list-keys";
import type { listKeysInput } from "@/lib/keys/schemas";
import type { CostReport } from "@/lib/reports/cost-report";
import type { PriceObservation } from "@/lib/search/price-history";
import type { PriceDifferenceReport } from "@/lib/reports/price-differences";
import type { priceDifferenceInput, reportExportInput, reportInput } from "@/lib/reports/schemas";
import type { PlaceHit } from "@/lib/search/place-search";
import type { chargerDetailInput, chargerSearchInput, placeSearchInput } from "@/lib/search/search-input";
import type { ChargerSearchResponse } from "@/lib/search/types";
import type { ChargingLocation } from "@/lib/domain";
import type { SessionListRow, SessionTotals } from "@/lib/sessions/list-sessions";
import type { listSessionsInput, sessionFiltersInput, sessionIdInput } from "@/lib/sessions/schemas";
import type { VehicleRow } from "@/lib/vehicles/vehicles";
import type { listVehiclesInput } from "@/lib/vehicles/schemas";
import type { fleetOnlyInput, noInput } from "./fleet-input";

/** An answer that is a file (CSV), not JSON: the browser links to it instead of fetching it. */
export interface FileDownload {
  readonly kind: "file";
}

export interface EndpointRef<S extends z.ZodType = z.ZodType, O = unknown> {
  readonly name: string;
  readonly path: string;
  /** Type-level only: the schema the server validates the input with. */
  readonly _input?: S;
  /** Type-level only: what the handler answers with. */
  readonly _output?: O;
}

/**
 * What a caller passes: the schema's input, where fields the schema pre-processes (typed `unknown`, e.g.
 * a list given as one value or many) are optional — the server's parse has the last word on them.
 */
type CallerInput<T> = { [K in keyof T as unknown extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as unknown extends T[K] ? K : never]?: T[K];
};
export type EndpointParams<E> = E extends EndpointRef<infer S, unknown> ? CallerInput<z.input<S>> : never;
export type EndpointOutput<E> = E extends EndpointRef<z.ZodType, infer O> ? O : never;

/** `read<Answer, Schema>(name, path)`: the answer type and the input's schema type. */
function read<O, S extends z.ZodType>(name: string, path: string): EndpointRef<S, O> {
  return { name, path };
}

export const api = {
  chargers: {
    search: read<ChargerSearchResponse, typeof chargerSearchInput>("chargers.search", "/api/chargers"),
    location: read<{ location: ChargingLocation }, typeof chargerDetailInput>(
      "chargers.location",
      "/api/chargers/location",
    ),
    places: read<{ places: PlaceHit[] }, typeof placeSearchInput>("chargers.places", "/api/chargers/places"),
    priceHistory: read<{ observations: PriceObservation[] }, typeof chargerDetailInput>(
      "chargers.price-history",
      "/api/chargers/price-history",
    ),
  },
  bookings: {
    list: read<BookingsPage, typeof listBookingsInput>("bookings.list", "/api/bookings"),
    detail: read<Awaited<ReturnType<typeof getBookingDetail>>, typeof bookingIdInput>(
      "bookings.detail",
      "/api/bookings/detail",
    ),
    mine: read<{ bookings: BookingView[] }, typeof fleetOnlyInput>("bookings.mine", "/api/bookings/mine"),
    export: read<FileDownload, typeof exportBookingsInput>("bookings.export", "/api/bookings/export"),
    batch: read<BatchView, typeof batchIdInput>("bookings.batch-progress", "/api/bookings/batches"),
    board: read<BoardData, typeof boardInput>("bookings.board", "/api/bookings/board"),
    searchChargers: read<{ locations: BookableLocation[] }, typeof searchChargersInput>(
      "bookings.search-chargers",
      "/api/bookings/chargers",
    ),
  },
  sessions: {
    list: read<{ rows: SessionListRow[]; total: number; totals: SessionTotals }, typeof listSessionsInput>(
      "sessions.list",
      "/api/sessions",
    ),
    running: read<SessionListRow[], typeof fleetOnlyInput>("sessions.running", "/api/sessions/running"),
    live: read<SessionListRow, typeof sessionIdInput>("sessions.live", "/api/sessions/live"),
    export: read<FileDownload, typeof sessionFiltersInput>("sessions.export", "/api/sessions/export"),
  },
  keys: {
    list: read<{ rows: KeyRow[]; total: number }, typeof listKeysInput>("keys.list", "/api/keys"),
    export: read<FileDownload, typeof listKeysInput>("keys.export", "/api/keys/export"),
  },
  vehicles: {
    list: read<{ rows: VehicleRow[]; total: number; page: number; pageSize: number }, typeof listVehiclesInput>(
      "vehicles.list",
      "/api/vehicles",
    ),
  },
  health: {
    /** Not fleet-scoped: an admin of any fleet, or a monitoring token (see the route handler). */
    providers: read<ProviderHealthSnapshot, typeof noInput>("health.providers", "/api/health/providers"),
  },
  alerts: {
    list: read<AlertList, typeof listAlertsInput>("alerts.list", "/api/alerts"),
  },
  audit: {
    export: read<FileDownload, typeof auditExportInput>("audit.export", "/api/audit/export"),
  },
  reports: {
    get: read<CostReport, typeof reportInput>("reports.get", "/api/reports"),
    priceDifferences: read<PriceDifferenceReport, typeof priceDifferenceInput>(
      "reports.price-differences",
      "/api/reports/price-differences",
    ),
    export: read<FileDownload, typeof reportExportInput>("reports.export", "/api/reports/export"),
  },
} as const;
