// The read API between browser and server, declared once: each endpoint's path and answer type
// (lib/api/endpoints.ts, which the browser reads through) paired here with its input schema, the very
// schema the route handler validates with. Route handlers are written against an endpoint
// (`fleetRoute(endpoint, …)` checks the answer's type at compile time) and the browser reads through
// `apiGet(endpoint, …)`, so a response type is never re-declared at a call site.
import type { z } from "zod";
import { listAlertsInput } from "@/lib/alerts/schemas";
import { auditExportInput } from "@/lib/audit-log/schemas";
import {
  batchIdInput,
  boardInput,
  bookingIdInput,
  exportBookingsInput,
  listBookingsInput,
  searchChargersInput,
} from "@/lib/bookings/schemas";
import { listKeysInput } from "@/lib/keys/schemas";
import { priceDifferenceInput, reportExportInput, reportInput } from "@/lib/reports/schemas";
import { chargerDetailInput, chargerSearchInput, placeSearchInput } from "@/lib/search/search-input";
import { listSessionsInput, sessionFiltersInput, sessionIdInput } from "@/lib/sessions/schemas";
import { listVehiclesInput } from "@/lib/vehicles/schemas";
import { api as endpoints, type EndpointRef } from "./endpoints";
import { fleetOnlyInput, noInput } from "./fleet-input";

export type { EndpointOutput, EndpointParams, FileDownload } from "./endpoints";

export interface Endpoint<S extends z.ZodType = z.ZodType, O = unknown> extends EndpointRef<S, O> {
  readonly input: S;
}

/** The endpoint with its schema; the schema must be the one the endpoint's type names. */
function withInput<S extends z.ZodType, O>(endpoint: EndpointRef<S, O>, input: S): Endpoint<S, O> {
  return { ...endpoint, input };
}

const { chargers, bookings, sessions, keys, vehicles, health, alerts, audit, reports } = endpoints;

export const api = {
  chargers: {
    search: withInput(chargers.search, chargerSearchInput),
    location: withInput(chargers.location, chargerDetailInput),
    places: withInput(chargers.places, placeSearchInput),
    priceHistory: withInput(chargers.priceHistory, chargerDetailInput),
  },
  bookings: {
    list: withInput(bookings.list, listBookingsInput),
    detail: withInput(bookings.detail, bookingIdInput),
    mine: withInput(bookings.mine, fleetOnlyInput),
    export: withInput(bookings.export, exportBookingsInput),
    batch: withInput(bookings.batch, batchIdInput),
    board: withInput(bookings.board, boardInput),
    searchChargers: withInput(bookings.searchChargers, searchChargersInput),
  },
  sessions: {
    list: withInput(sessions.list, listSessionsInput),
    running: withInput(sessions.running, fleetOnlyInput),
    live: withInput(sessions.live, sessionIdInput),
    export: withInput(sessions.export, sessionFiltersInput),
  },
  keys: {
    list: withInput(keys.list, listKeysInput),
    export: withInput(keys.export, listKeysInput),
  },
  vehicles: {
    list: withInput(vehicles.list, listVehiclesInput),
  },
  health: {
    providers: withInput(health.providers, noInput),
  },
  alerts: {
    list: withInput(alerts.list, listAlertsInput),
  },
  audit: {
    export: withInput(audit.export, auditExportInput),
  },
  reports: {
    get: withInput(reports.get, reportInput),
    priceDifferences: withInput(reports.priceDifferences, priceDifferenceInput),
    export: withInput(reports.export, reportExportInput),
  },
} as const;
