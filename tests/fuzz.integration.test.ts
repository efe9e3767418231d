// No input reaches a 5xx: every registered server action and route handler is called with generated
// hostile input (tests/fuzz/hostile-input.ts) by a member allowed to call it, and must answer with success,
// a validation error or another clean refusal — never an internal error, never a 5xx, never a stack trace —
// and a refused call writes no row (each table's row count and newest row version are compared around it;
// a refusal of access writes its one audit entry).
// A fixed seed here; `npm run bench -- fuzz` runs many more inputs (FUZZ_RUNS).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { ENDPOINTS } from "@/lib/actions/registry";
import { hostileInput, toHostileQuery } from "./fuzz/hostile-input";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

type Action = (raw: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>;
type RouteHandler = (request: Request) => Promise<Response>;

const actionModules = import.meta.glob<Record<string, unknown>>("/lib/actions/*.ts", { eager: true });
const routeModules = import.meta.glob<Record<string, unknown>>("/app/api/**/route.ts", { eager: true });

function tagged<T>(modules: Record<string, Record<string, unknown>>): Map<string, T> {
  const found = new Map<string, T>();
  for (const mod of Object.values(modules))
    for (const value of Object.values(mod)) {
      const name = (value as { endpointName?: string }).endpointName;
      if (typeof value === "function" && name) found.set(name, value as T);
    }
  return found;
}

const STACK_TRACE = /\bat .+\(.+:\d+:\d+\)/;

/**
 * What the app's tables hold, in one line per table: the row count and the newest row version (xmin moves
 * on every insert and update). The rate limiters' counters are left out: counting attempts is their job.
 */
let fingerprintQuery = "";
async function tablesFingerprint(): Promise<string> {
  const { db } = await import("@/lib/db");
  if (!fingerprintQuery) {
    const tables = await db.$queryRaw<Array<{ name: string }>>`
      SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('rate_limits', 'provider_rate_limit') ORDER BY 1`;
    fingerprintQuery = tables
      .map(
        ({ name }) =>
          `SELECT '${name}' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS f FROM "${name}"`,
      )
      .join(" UNION ALL ");
  }
  const rows = await db.$queryRawUnsafe<Array<{ t: string; f: string }>>(fingerprintQuery);
  return rows.map((r) => `${r.t}=${r.f}`).join(" ");
}

const REFUSED_INPUT = new Set(["VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"]);

function changedTables(before: string, after: string): string[] {
  const old = new Set(before.split(" "));
  return after
    .split(" ")
    .filter((entry) => !old.has(entry))
    .map((entry) => entry.split("=")[0]);
}

/** One fleet per role, in which the fuzzing user holds that role (checks inside actions read the database). */
const fleetOf: Partial<Record<Role, string>> = {};
let userId = "";
const tally = { endpoints: 0, inputs: 0, serverErrors: 0 };

function memberAs(role: Role): CurrentUser {
  const memberships = ROLES.map((r) => ({ fleetId: fleetOf[r]!, role: r, fleetName: `Fuzz ${r}` }));
  // The fleet where the user holds `role` comes first: it is the one the inputs name.
  return {
    id: userId,
    email: "fuzz@test.local",
    name: "Fuzz",
    memberships: [...memberships].sort((a, b) => Number(b.role === role) - Number(a.role === role)),
  };
}

beforeAll(async () => {
  const { db } = await import("@/lib/db");
  const org = await db.organization.create({ data: { name: "Fuzz org" } });
  userId = (await db.user.create({ data: { email: "fuzz@test.local", name: "Fuzz", passwordHash: "x" } })).id;
  for (const role of ROLES) {
    const fleet = await db.fleet.create({
      data: { organizationId: org.id, name: `Fuzz ${role}`, plugsurfingFleetId: `fuzz-${role.toLowerCase()}` },
    });
    await db.membership.create({ data: { userId, fleetId: fleet.id, role } });
    fleetOf[role] = fleet.id;
  }
  // Unexpected errors are logged with their reference id; the answers are what is checked here.
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

afterAll(() => {
  console.info(
    `[fuzz] ${tally.endpoints} endpoints, ${tally.inputs} hostile inputs, ${tally.serverErrors} answered with a 5xx`,
  );
});

function describeInput(input: unknown): string {
  return JSON.stringify(input, (_k, v: unknown) =>
    typeof v === "string" && v.length > 60 ? `${v.slice(0, 20)}…(${v.length})` : v,
  );
}

const actions = tagged<Action>(actionModules);
const routes = tagged<RouteHandler>(routeModules);

describe("hostile input", () => {
  it("fuzzes every registered endpoint: one added later is picked up without a line to write", () => {
    expect([...ENDPOINTS.keys()].filter((name) => !actions.has(name) && !routes.has(name))).toEqual([]);
    expect(ENDPOINTS.size).toBeGreaterThan(40);
  });

  it.each([...ENDPOINTS.values()].map((endpoint) => ({ name: endpoint.name, endpoint })))(
    "$name answers hostile input without a 5xx",
    { timeout: 30_000 + RUNS * 500 },
    async ({ endpoint }) => {
      tally.endpoints++;
      const role: Role = endpoint.roles[0] ?? "ADMIN";
      const action = actions.get(endpoint.name);
      const route = routes.get(endpoint.name);
      const failures: string[] = [];
      await fc
        .assert(
          fc.asyncProperty(hostileInput(endpoint.input, fleetOf[role]!), async (input) => {
            tally.inputs++;
            session.user = endpoint.kind === "public-action" ? null : memberAs(role);
            if (action) {
              const before = await tablesFingerprint();
              const result = await action(input);
              if (!result.ok && result.error?.code === "INTERNAL") {
                failures.push(`${describeInput(input)} → ${result.error.message}`);
              }
              // Input refused before it reached a provider leaves no trace; a refusal of access writes its one
              // audit entry, under the actor (lib/actions/denials.ts). (A provider's refusal of valid input is
              // recorded as the settled outcome of that write, lib/provider-sync: that is not checked here.)
              if (!result.ok && REFUSED_INPUT.has(result.error?.code ?? "")) {
                const recorded = result.error?.code === "FORBIDDEN" ? ["AuditLog"] : [];
                const written = changedTables(before, await tablesFingerprint()).filter((t) => !recorded.includes(t));
                if (written.length)
                  failures.push(`${describeInput(input)} → refused, but wrote to ${written.join(", ")}`);
              }
            } else if (route) {
              const response = await route(new Request(`http://localhost/api/fuzz?${toHostileQuery(input)}`));
              const body = await response.text();
              if (response.status >= 500 || STACK_TRACE.test(body)) {
                failures.push(`${describeInput(input)} → ${response.status} ${body.slice(0, 200)}`);
              }
            }
            return failures.length === 0;
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        )
        .catch((error: unknown) => {
          // The failing input is in `failures`, shown below; anything else that stopped the run is a failure too.
          const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : "";
          if (failures.length === 0) failures.push(`the run stopped: ${String(error).slice(0, 300)}${cause}`);
        });
      tally.serverErrors += failures.length;
      expect(failures).toEqual([]);
    },
  );
});
