// The public API's routes, declared once: each with its method, path, summary, the input schema the
// endpoint behind it already validates with, and the name of that endpoint (its roles are the UI's). The
// route handlers under app/api/v1 and the OpenAPI document (lib/api-v1/openapi.ts) are both read from here.
import type { z } from "zod";
import { api } from "@/lib/api/contract";
import { assignBookingInput, cancelBookingInput, createBookingInput } from "@/lib/bookings/schemas";

export type V1Method = "GET" | "POST";

export interface V1Route {
  method: V1Method;
  /** OpenAPI form: `/api/v1/bookings/{bookingId}`. */
  path: string;
  operationId: string;
  tag: "Chargers" | "Bookings" | "Sessions" | "Keys" | "Reports" | "Vehicles";
  summary: string;
  /** The endpoint behind it (lib/actions/registry.ts): its roles decide who may call. */
  endpoint: string;
  input: z.ZodType;
  /** Where the input is read from besides the path: the query string (GET) or a JSON body (POST). */
  pathParams: readonly string[];
  /** The answer on success. */
  successStatus: 200 | 201;
}

function route(def: Omit<V1Route, "pathParams" | "successStatus"> & Partial<V1Route>): V1Route {
  const pathParams = [...def.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return { successStatus: 200, ...def, pathParams };
}

export const V1_ROUTES = {
  searchChargers: route({
    method: "GET",
    path: "/api/v1/chargers",
    operationId: "searchChargers",
    tag: "Chargers",
    summary: "Bookable charge points around a point, optionally free in a window",
    endpoint: api.bookings.searchChargers.name,
    input: api.bookings.searchChargers.input,
  }),
  listBookings: route({
    method: "GET",
    path: "/api/v1/bookings",
    operationId: "listBookings",
    tag: "Bookings",
    summary: "The fleet's bookings, filtered and paged by cursor",
    endpoint: api.bookings.list.name,
    input: api.bookings.list.input,
  }),
  createBooking: route({
    method: "POST",
    path: "/api/v1/bookings",
    operationId: "createBooking",
    tag: "Bookings",
    summary: "Book a charge point for a window (use a charge point from GET /api/v1/chargers)",
    endpoint: "bookings.create",
    input: createBookingInput,
    successStatus: 201,
  }),
  getBooking: route({
    method: "GET",
    path: "/api/v1/bookings/{bookingId}",
    operationId: "getBooking",
    tag: "Bookings",
    summary: "One booking with its history",
    endpoint: api.bookings.detail.name,
    input: api.bookings.detail.input,
  }),
  cancelBooking: route({
    method: "POST",
    path: "/api/v1/bookings/{bookingId}/cancel",
    operationId: "cancelBooking",
    tag: "Bookings",
    summary: "Cancel a booking (a confirmed one only with acceptFee: true)",
    endpoint: "bookings.cancel",
    input: cancelBookingInput,
  }),
  assignBooking: route({
    method: "POST",
    path: "/api/v1/bookings/{bookingId}/assign",
    operationId: "assignBooking",
    tag: "Bookings",
    summary: "Assign a booking to a driver of the fleet (null removes the assignment)",
    endpoint: "bookings.assign",
    input: assignBookingInput,
  }),
  listSessions: route({
    method: "GET",
    path: "/api/v1/sessions",
    operationId: "listSessions",
    tag: "Sessions",
    summary: "Charging sessions with their totals",
    endpoint: api.sessions.list.name,
    input: api.sessions.list.input,
  }),
  listKeys: route({
    method: "GET",
    path: "/api/v1/keys",
    operationId: "listKeys",
    tag: "Keys",
    summary: "The fleet's charging keys",
    endpoint: api.keys.list.name,
    input: api.keys.list.input,
  }),
  getReport: route({
    method: "GET",
    path: "/api/v1/reports",
    operationId: "getCostReport",
    tag: "Reports",
    summary: "The cost report for a period",
    endpoint: api.reports.get.name,
    input: api.reports.get.input,
  }),
  listVehicles: route({
    method: "GET",
    path: "/api/v1/vehicles",
    operationId: "listVehicles",
    tag: "Vehicles",
    summary: "The fleet's vehicles",
    endpoint: api.vehicles.list.name,
    input: api.vehicles.list.input,
  }),
} as const satisfies Record<string, V1Route>;

export const V1_ROUTE_LIST: readonly V1Route[] = Object.values(V1_ROUTES);
