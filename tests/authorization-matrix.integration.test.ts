// Every server action and route handler, with the roles allowed: each other role, and a member of
// another fleet, is refused. A new endpoint without a row here fails this test.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { ROLES, type Role } from "@/lib/auth/permissions";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

const ADMIN: readonly Role[] = ["ADMIN"];
const STAFF: readonly Role[] = ["ADMIN", "DISPATCHER"];
const KEY_READERS: readonly Role[] = ["ADMIN", "DISPATCHER", "MANAGER"];
const REPORT_READERS: readonly Role[] = ["ADMIN", "MANAGER"];
const SESSION_STARTERS: readonly Role[] = ["ADMIN", "DISPATCHER", "DRIVER"];
const EVERYONE: readonly Role[] = ROLES;

/**
 * name → roles allowed in the fleet; `null` for endpoints scoped to the signed-in user, not a fleet;
 * "public" for the sign-ups (with an invitation code, or from an emailed invitation's link), the only
 * endpoints open to signed-out visitors; "token" for endpoints open to a configured machine token only.
 */
const MATRIX: Record<string, readonly Role[] | null | "public" | "token"> = {
  "invitations.sign-up-and-join": "public",
  "fleets.invitations.sign-up-and-accept": "public",
  "account.change-password": null,
  "account.set-language": null,
  "account.set-time-zone": null,
  "account.switch-fleet": null,
  "notifications.list": null,
  "notifications.mark-read": null,
  "fleets.check-id": null,
  "fleets.create": null, // any user who is ADMIN of at least one fleet: checked inside
  "invitations.join": null,
  "fleets.invitations.accept": null, // only the invited person: checked inside (her email)
  "fleets.invitations.decline": null,
  "health.providers": null, // an ADMIN of any fleet, or the monitoring token: checked inside
  "metrics.scrape": "token", // METRICS_TOKEN only
  "providers.plugsurfing-events": "token", // PLUGSURFING_WEBHOOK_SECRET: the provider's signature only

  "fleets.rename": ADMIN,
  "fleets.session-limit": ADMIN,
  "fleets.members.invite": ADMIN,
  "fleets.members.remove": ADMIN,
  "fleets.members.set-role": ADMIN,
  "fleets.invitations.withdraw": ADMIN,
  "invitations.issue": ADMIN,
  "invitations.revoke": ADMIN,
  "invitations.list-plugsurfing": ADMIN,
  "depot-chargers.list": ADMIN,
  "depot-chargers.add": ADMIN,
  "depot-chargers.edit": ADMIN,
  "depot-chargers.delete": ADMIN,
  "depot-chargers.import": ADMIN,
  "depot-chargers.list-from-provider": ADMIN,

  "chargers.search": STAFF,
  "chargers.location": STAFF,
  "chargers.places": STAFF,
  "chargers.price-history": STAFF,

  "bookings.create": STAFF,
  "bookings.retry": STAFF,
  "bookings.cancel": STAFF,
  "bookings.resolve-unknown": STAFF,
  "bookings.assign": STAFF,
  "bookings.reassign": STAFF,
  "bookings.board": STAFF,
  "bookings.list": STAFF,
  "bookings.detail": STAFF,
  "bookings.search-chargers": STAFF,
  "bookings.batch.create": STAFF,
  "bookings.batch.retry-item": STAFF,
  "bookings.batch-progress": STAFF,
  "bookings.mine": ["DRIVER"],
  "bookings.export": STAFF,
  // The bulk actions of the bookings list.
  "bookings.cancel-many": STAFF,
  "bookings.assign-many": STAFF,

  "keys.list": KEY_READERS,
  "keys.export": KEY_READERS,
  "keys.refresh": KEY_READERS,
  "keys.assign": STAFF,
  "keys.create": ADMIN,
  "keys.set-enabled": ADMIN,
  "keys.move": ADMIN, // and ADMIN of the fleet it goes to: checked inside

  "sessions.list": EVERYONE, // drivers see only their own sessions: checked inside
  "sessions.export": EVERYONE,
  "sessions.live": EVERYONE,
  "sessions.running": EVERYONE,
  "sessions.start": SESSION_STARTERS,
  "sessions.stop": SESSION_STARTERS,
  "sessions.sync-now": KEY_READERS,
  "sessions.set-odometer": STAFF,

  "alerts.list": KEY_READERS,
  "alerts.dismiss": STAFF,
  "alerts.stop-session": STAFF,
  "alerts.rebook": STAFF,
  "alerts.message-driver": STAFF,

  "reports.get": REPORT_READERS,
  "reports.export": REPORT_READERS,
  "reports.price-differences": REPORT_READERS,

  "vehicles.list": KEY_READERS,
  "vehicles.options": KEY_READERS,
  "vehicles.add": ADMIN,
  "vehicles.edit": ADMIN,
  "vehicles.set-retired": ADMIN,
  "vehicles.preview-import": ADMIN,
  "vehicles.import": ADMIN,

  "policies.set": ADMIN,
  "policies.remove": ADMIN,

  "audit.export": ADMIN,

  "api-tokens.create": ADMIN, // and a role no higher than the creator's: checked inside
  "api-tokens.list": ADMIN,
  "api-tokens.revoke": ADMIN,

  "webhooks.create": ADMIN,
  "webhooks.list": ADMIN,
  "webhooks.pause": ADMIN,
  "webhooks.delete": ADMIN,
  "webhooks.test": ADMIN,
  "webhooks.replay": ADMIN,
};

type Endpoint = (raw: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
type RouteHandler = (request: Request) => Promise<Response>;

const actionModules = import.meta.glob<Record<string, unknown>>("/lib/actions/*.ts", { eager: true });
const routeModules = import.meta.glob<Record<string, unknown>>("/app/api/**/route.ts", { eager: true });

const actions = new Map<string, Endpoint>();
const routes = new Map<string, RouteHandler[]>();

let fleetA = "";
let fleetB = "";
let userId = "";

function userWith(memberships: Array<{ fleetId: string; role: Role }>): CurrentUser {
  return {
    id: userId,
    email: "matrix@test.local",
    name: "Matrix",
    memberships: memberships.map((m) => ({ ...m, fleetName: m.fleetId })),
  };
}

beforeAll(async () => {
  const { db } = await import("@/lib/db");
  const org = await db.organization.create({ data: { name: "Matrix org" } });
  fleetA = (await db.fleet.create({ data: { organizationId: org.id, name: "A", plugsurfingFleetId: "matrix-a" } })).id;
  fleetB = (await db.fleet.create({ data: { organizationId: org.id, name: "B", plugsurfingFleetId: "matrix-b" } })).id;
  userId = (await db.user.create({ data: { email: "matrix@test.local", name: "Matrix", passwordHash: "x" } })).id;

  const { ENDPOINTS } = await import("@/lib/actions/registry");
  // Map each exported action function to its registered name by calling it signed out? No: by
  // registration order would be fragile. Each wrapper is tagged with its name instead.
  for (const mod of Object.values(actionModules)) {
    for (const value of Object.values(mod)) {
      const name = (value as { endpointName?: string }).endpointName;
      if (typeof value === "function" && name) actions.set(name, value as Endpoint);
    }
  }
  for (const [file, mod] of Object.entries(routeModules)) {
    for (const value of Object.values(mod)) {
      const name = (value as { endpointName?: string }).endpointName;
      if (typeof value === "function" && name) routes.set(name, [...(routes.get(name) ?? []), value as RouteHandler]);
    }
    void file;
  }
  expect(ENDPOINTS.size).toBeGreaterThan(0);
});

describe("authorization matrix", () => {
  it("lists every registered endpoint, with the roles the code allows", async () => {
    const { ENDPOINTS } = await import("@/lib/actions/registry");
    const registered = Object.fromEntries(
      [...ENDPOINTS.values()].map((e) => [
        e.name,
        e.kind === "public-action"
          ? "public"
          : e.kind === "token-route"
            ? "token"
            : e.kind === "user-action" || e.kind === "user-route"
              ? null
              : [...e.roles].sort(),
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(MATRIX).map(([name, roles]) => [
        name,
        roles === null || roles === "public" || roles === "token" ? roles : [...roles].sort(),
      ]),
    );
    expect(registered).toEqual(expected);
  });

  it("refuses every endpoint when signed out", async () => {
    session.user = null;
    for (const [name, action] of actions) {
      if (MATRIX[name] === "public") continue;
      const result = await action({ fleetId: fleetA });
      expect(result.error?.code, name).toBe("UNAUTHENTICATED");
    }
    for (const [name, handlers] of routes) {
      for (const handler of handlers) {
        const response = await handler(new Request(`http://localhost/api?fleetId=${fleetA}`));
        // A token endpoint with no token configured is not there at all.
        if (MATRIX[name] === "token") expect([401, 404], name).toContain(response.status);
        else expect(response.status, name).toBe(401);
      }
    }
  });

  it("refuses each role that is not allowed, and members of another fleet", async () => {
    const fleetEndpoints = Object.entries(MATRIX).filter((entry): entry is [string, readonly Role[]] =>
      Array.isArray(entry[1]),
    );
    for (const [name, allowed] of fleetEndpoints) {
      const refusedRoles = ROLES.filter((r) => !allowed.includes(r));
      const cases = [
        ...refusedRoles.map((role) => ({ label: `${role} of the fleet`, memberships: [{ fleetId: fleetA, role }] })),
        { label: "ADMIN of another fleet", memberships: [{ fleetId: fleetB, role: "ADMIN" as Role }] },
      ];
      for (const { label, memberships } of cases) {
        session.user = userWith(memberships);
        const action = actions.get(name);
        if (action) {
          const result = await action({ fleetId: fleetA });
          expect(result.error?.code, `${name} as ${label}`).toBe("FORBIDDEN");
        }
        for (const handler of routes.get(name) ?? []) {
          const response = await handler(new Request(`http://localhost/api?fleetId=${fleetA}`));
          expect(response.status, `${name} as ${label}`).toBe(403);
        }
        expect(action || routes.has(name), `${name} is exported from lib/actions or app/api`).toBeTruthy();
      }
    }
  });

  it("records refusals in the audit trail", async () => {
    const { db } = await import("@/lib/db");
    const denied = await db.auditLog.count({ where: { action: "auth.denied", actorId: userId } });
    expect(denied).toBeGreaterThan(0);
  });
});
