// The read API between browser and server, declared once: each endpoint's path, its input schema (the
// very schema the route handler validates with) and the type of its answer. Route handlers are written
// against an endpoint (`fleetRoute(endpoint, …)` checks the answer's type at compile time) and the browser
// reads through `apiGet(endpoint, …)`, so a response type is never re-declared at a call site.
// Answer types are imported as types only, so nothing server-side reaches the browser bundle.
import { z } from "zod";
import { auditExportInput } from "@/lib/audit-log/schemas";
import type { BatchView } from "@/lib/bookings/batches";
import type { BookableLocation } from "@/lib/bookings/chargers";
import type { BookingsPage, BookingView, getBookingDetail } from "@/lib/bookings/records";
import { batchIdInput, bookingIdInput, listBookingsInput, searchChargersInput } from "@/lib/bookings/schemas";
import type { ProviderHealthSnapshot } from "@/lib/providers/health";
import type { KeyRow } from "@/lib/keys/list-keys";
import { listKeysInput } from "@/lib/keys/schemas";
import type { CostReport } from "@/lib/reports/cost-report";
import { reportExportInput, reportInput } from "@/lib/reports/schemas";
import type { PlaceHit } from "@/lib/search/place-search";
import { chargerDetailInput, chargerSearchInput, placeSearchInput } from "@/lib/search/search-input";
import type { ChargerSearchResponse } from "@/lib/search/types";
import type { ChargingLocation } from "@/lib/domain";
import type { SessionListRow, SessionTotals } from "@/lib/sessions/list-sessions";
import { listSessionsInput, sessionFiltersInput, sessionIdInput } from "@/lib/sessions/schemas";
import { fleetOnlyInput } from "./fleet-input";

/** An answer that is a file (CSV), not JSON: the browser links to it instead of fetching it. */
export interface FileDownload {
  readonly kind: "file";
}

export interface Endpoint<S extends z.ZodType = z.ZodType, O = unknown> {
  readonly name: string;
  readonly path: string;
  readonly input: S;
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
export type EndpointParams<E> = E extends Endpoint<infer S, unknown> ? CallerInput<z.input<S>> : never;
export type EndpointOutput<E> = E extends Endpoint<z.ZodType, infer O> ? O : never;

/** `read<Answer>()(name, path, schema)`: the answer type is given, the input type comes from the schema. */
function read<O>() {
  return <S extends z.ZodType>(name: string, path: string, input: S): Endpoint<S, O> => ({ name, path, input });
}

export const api = {
  chargers: {
    search: read<ChargerSearchResponse>()("chargers.search", "/api/chargers", chargerSearchInput),
    location: read<{ location: ChargingLocation }>()("chargers.location", "/api/chargers/location", chargerDetailInput),
    places: read<{ places: PlaceHit[] }>()("chargers.places", "/api/chargers/places", placeSearchInput),
  },
  bookings: {
    list: read<BookingsPage>()("bookings.list", "/api/bookings", listBookingsInput),
    detail: read<Awaited<ReturnType<typeof getBookingDetail>>>()(
      "bookings.detail",
      "/api/bookings/detail",
      bookingIdInput,
    ),
    mine: read<{ bookings: BookingView[] }>()("bookings.mine", "/api/bookings/mine", fleetOnlyInput),
    export: read<FileDownload>()("bookings.export", "/api/bookings/export", listBookingsInput),
    batch: read<BatchView>()("bookings.batch-progress", "/api/bookings/batches", batchIdInput),
    searchChargers: read<{ locations: BookableLocation[] }>()(
      "bookings.search-chargers",
      "/api/bookings/chargers",
      searchChargersInput,
    ),
  },
  sessions: {
    list: read<{ rows: SessionListRow[]; total: number; totals: SessionTotals }>()(
      "sessions.list",
      "/api/sessions",
      listSessionsInput,
    ),
    running: read<SessionListRow[]>()("sessions.running", "/api/sessions/running", fleetOnlyInput),
    live: read<SessionListRow>()("sessions.live", "/api/sessions/live", sessionIdInput),
    export: read<FileDownload>()("sessions.export", "/api/sessions/export", sessionFiltersInput),
  },
  keys: {
    list: read<{ rows: KeyRow[]; total: number }>()("keys.list", "/api/keys", listKeysInput),
    export: read<FileDownload>()("keys.export", "/api/keys/export", listKeysInput),
  },
  health: {
    /** Not fleet-scoped: an admin of any fleet, or a monitoring token (see the route handler). */
    providers: read<ProviderHealthSnapshot>()("health.providers", "/api/health/providers", z.object({})),
  },
  audit: {
    export: read<FileDownload>()("audit.export", "/api/audit/export", auditExportInput),
  },
  reports: {
    get: read<CostReport>()("reports.get", "/api/reports", reportInput),
    export: read<FileDownload>()("reports.export", "/api/reports/export", reportExportInput),
  },
} as const;
