// The read contract and the route handlers cannot drift apart: every endpoint is served by the route file
// at its path, which is written against that very endpoint; every route file is in the contract.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { api } from "./contract";
import { apiKey, apiUrl, toQuery } from "./client";

const endpoints = Object.entries(api).flatMap(([group, members]) =>
  Object.entries(members).map(([key, endpoint]) => ({ ref: `api.${group}.${key}`, endpoint })),
);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" ? [full] : [];
  });
}

describe("read contract", () => {
  it.each(endpoints)("$ref is served by the route file at its path", ({ ref, endpoint }) => {
    const file = path.join("app", endpoint.path, "route.ts");
    expect(existsSync(file), file).toBe(true);
    expect(readFileSync(file, "utf8")).toContain(ref);
  });

  it("has an endpoint for every route handler but sign-in, liveness, the metrics scrape, provider events and the public API", () => {
    const served = new Set(endpoints.map((e) => path.join("app", e.endpoint.path, "route.ts")));
    // The public API (app/api/v1) has its own catalogue, held to its route files by lib/api-v1/openapi.test.ts.
    const publicApi = path.join("app", "api", "v1") + path.sep;
    const outside = routeFiles("app/api").filter((f) => !served.has(f) && !f.startsWith(publicApi));
    expect(outside.sort()).toEqual([
      "app/api/auth/[...nextauth]/route.ts",
      "app/api/health/route.ts",
      "app/api/metrics/route.ts",
      "app/api/providers/plugsurfing/events/route.ts",
    ]);
  });

  it("names are unique and keys group by their first part", () => {
    const names = endpoints.map((e) => e.endpoint.name);
    expect(new Set(names).size).toBe(names.length);
    expect(apiKey(api.bookings.list, { fleetId: "f" })).toEqual(["bookings", "list", { fleetId: "f" }]);
  });

  it("builds query strings without empty values and with repeated keys for lists", () => {
    expect(toQuery({ fleetId: "f", status: ["A", "B"], q: "", page: undefined, size: 25 })).toBe(
      "fleetId=f&status=A&status=B&size=25",
    );
    expect(apiUrl(api.sessions.export, { fleetId: "f 1" })).toBe("/api/sessions/export?fleetId=f+1");
  });
});
