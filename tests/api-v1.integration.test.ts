// The public API with real tokens: who gets in (valid, revoked, expired, another fleet, a role too low), the
// request limits, Idempotency-Key (a repeated POST books once), and the audit trail naming the token.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => undefined,
}));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

const { db } = await import("@/lib/db");
const { createApiToken, revokeApiToken } = await import("@/lib/api-tokens/api-tokens");
const { recordFailure, clearAttempts, LIMITS } = await import("@/lib/rate-limit");
const { listAuditEntries } = await import("@/lib/audit-log/list-audit-entries");
const { requestHash } = await import("@/lib/api-v1/request-hash");
const { stopQueue } = await import("@/lib/jobs/queue");
const { createTestFleet, groupBookingRequest, reservableEvsesNearBerlin, sandboxProviders, testWindow } =
  await import("@/lib/bookings/testing/fixtures");
const vehicles = await import("@/app/api/v1/vehicles/route");
const bookings = await import("@/app/api/v1/bookings/route");
const booking = await import("@/app/api/v1/bookings/[bookingId]/route");

let fleetId = "";
let otherFleetId = "";
let adminId = "";
const PEER = "198.51.100.23";

async function token(role: "ADMIN" | "DISPATCHER" | "MANAGER", name: string, expiresInDays?: number) {
  return createApiToken(
    { fleetId, creatorId: adminId, creatorRole: "ADMIN", input: { name, role, expiresInDays } },
    { actorId: adminId, ip: null },
  );
}

function call(
  handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
  path: string,
  options: { token?: string; method?: string; body?: unknown; key?: string; params?: Record<string, string> } = {},
) {
  const headers = new Headers({ "x-fleet-peer-address": PEER, "content-type": "application/json" });
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.key) headers.set("idempotency-key", options.key);
  request.headers = headers;
  const init = {
    method: options.method ?? "GET",
    headers,
    body: options.body ? JSON.stringify(options.body) : undefined,
  };
  return handler(new Request(`http://localhost${path}`, init), { params: Promise.resolve(options.params ?? {}) });
}

beforeAll(async () => {
  const fleet = await createTestFleet("API fleet");
  fleetId = fleet.fleetId;
  otherFleetId = (await createTestFleet("Other API fleet")).fleetId;
  adminId = (await db.user.create({ data: { email: "api-admin@test.local", name: "Api Admin", passwordHash: "x" } }))
    .id;
  await db.membership.create({ data: { userId: adminId, fleetId, role: "ADMIN" } });
  await clearAttempts([["apiBadTokenPerIp", PEER]]);
});

// Booking wakes the reconciler's queue; it is stopped before the database goes.
afterAll(async () => {
  await stopQueue();
});

describe("API token authentication", () => {
  it("lets a valid token read its fleet, and keeps its last use", async () => {
    const created = await token("DISPATCHER", "Reader");
    expect(created.token).toMatch(/^fct_/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.secretHash).not.toContain(created.token);
    const response = await call(vehicles.GET, "/api/v1/vehicles", { token: created.token });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ rows: [], total: 0 });
    const used = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(used.lastUsedAt).not.toBeNull();
    expect(used.lastUsedIp).toBe(PEER);
  });

  it("refuses no token, a made-up one, a revoked one and an expired one with 401", async () => {
    const revoked = await token("DISPATCHER", "Revoked");
    await revokeApiToken(fleetId, revoked.id, { actorId: adminId, ip: null });
    const expired = await token("DISPATCHER", "Expired", 1);
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const given of [undefined, "fct_madeup", `fct_${"a".repeat(40)}`, revoked.token, expired.token]) {
      const response = await call(vehicles.GET, "/api/v1/vehicles", { token: given });
      expect(response.status, String(given)).toBe(401);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("UNAUTHENTICATED");
      expect(body.error.message).toMatch(/token/i);
    }
    await clearAttempts([["apiBadTokenPerIp", PEER]]);
  });

  it("never shows another fleet, and refuses a role too low with 403, both audited as the token", async () => {
    const dispatcher = await token("DISPATCHER", "Nosy");
    const other = await call(vehicles.GET, `/api/v1/vehicles?fleetId=${otherFleetId}`, { token: dispatcher.token });
    expect(other.status).toBe(403);
    const manager = await token("MANAGER", "Reports only");
    const list = await call(bookings.GET, "/api/v1/bookings", { token: manager.token });
    expect(list.status).toBe(403);
    const post = await call(bookings.POST, "/api/v1/bookings", {
      token: manager.token,
      method: "POST",
      key: "manager-1",
      body: { provider: "PETITMONDE" },
    });
    expect(post.status).toBe(403);
    const { accountId } = await db.apiToken.findUniqueOrThrow({ where: { id: manager.id } });
    expect(await db.auditLog.count({ where: { action: "auth.denied", actorId: accountId } })).toBe(2);
  });

  it("answers 429 with Retry-After once a token is over its request limit", async () => {
    const busy = await token("DISPATCHER", "Busy");
    for (let i = 0; i < LIMITS.apiPerToken.points; i++) await recordFailure([["apiPerToken", busy.id]]).catch(() => {});
    const response = await call(vehicles.GET, "/api/v1/vehicles", { token: busy.token });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("answers 429 to an address that keeps sending bad tokens", async () => {
    const answers: number[] = [];
    for (let i = 0; i <= LIMITS.apiBadTokenPerIp.points; i++) {
      answers.push((await call(vehicles.GET, "/api/v1/vehicles", { token: `fct_${"b".repeat(40)}` })).status);
    }
    expect(answers.at(0)).toBe(401);
    expect(answers.at(-1)).toBe(429);
    const good = await token("DISPATCHER", "Good but same address");
    const response = await call(vehicles.GET, "/api/v1/vehicles", { token: good.token });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBeTruthy();
    await clearAttempts([["apiBadTokenPerIp", PEER]]);
  });
});

describe("Idempotency-Key", () => {
  it("books once for a repeated POST, refuses the key for another body, and waits for one still running", async () => {
    const dispatcher = await token("DISPATCHER", "Booking robot");
    const window = await testWindow({ leadMinutes: 180 });
    const [evse] = await reservableEvsesNearBerlin(sandboxProviders(), 1, window);
    const body = groupBookingRequest(evse, window);
    const options = { token: dispatcher.token, method: "POST", key: "book-1", body };

    const missingKey = await call(bookings.POST, "/api/v1/bookings", { ...options, key: undefined });
    expect(missingKey.status).toBe(400);

    const first = await call(bookings.POST, "/api/v1/bookings", options);
    expect(first.status).toBe(201);
    const created = (await first.json()) as { bookingId: string; status: string };
    const again = await call(bookings.POST, "/api/v1/bookings", options);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(created);
    expect(await db.booking.count({ where: { fleetId, evseUid: body.evseUid, windowStart: window.start } })).toBe(1);

    const other = await call(bookings.POST, "/api/v1/bookings", { ...options, body: { ...body, tokenStrategy: "X" } });
    expect(other.status).toBe(422);

    const sameRequest = requestHash("POST", "/api/v1/bookings", { fleetId, ...body });
    await db.apiIdempotencyKey.create({ data: { tokenId: dispatcher.id, key: "running", requestHash: sameRequest } });
    const running = await call(bookings.POST, "/api/v1/bookings", { ...options, key: "running" });
    expect(running.status).toBe(409);

    // Read back through the API, and the audit trail names the token as who booked.
    const detail = await call(booking.GET, `/api/v1/bookings/${created.bookingId}`, {
      token: dispatcher.token,
      params: { bookingId: created.bookingId },
    });
    expect(detail.status).toBe(200);
    const list = await call(bookings.GET, "/api/v1/bookings", { token: dispatcher.token });
    expect(JSON.stringify(await list.json())).toContain(created.bookingId);
    const { accountId } = await db.apiToken.findUniqueOrThrow({ where: { id: dispatcher.id } });
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "bookings.create", objectId: created.bookingId },
    });
    expect(entry.actorId).toBe(accountId);
    const { entries } = await listAuditEntries(fleetId, { action: "bookings.create" });
    expect(entries.find((e) => e.objectId === created.bookingId)?.actorName).toBe("API token «Booking robot»");
  });
});

describe("API tokens as members", () => {
  it("are not listed as members and cannot sign in", async () => {
    const { listMembers } = await import("@/lib/fleets/members");
    const robot = await token("ADMIN", "Hidden robot");
    const members = await listMembers(fleetId);
    const { accountId } = await db.apiToken.findUniqueOrThrow({ where: { id: robot.id } });
    expect(members.map((m) => m.userId)).not.toContain(accountId);
    const { verifyPassword } = await import("@/lib/auth/password");
    const account = await db.user.findUniqueOrThrow({ where: { id: accountId } });
    expect(await verifyPassword("", account.passwordHash)).toBe(false);
  });

  it("are never created above the creator's role", async () => {
    await expect(
      createApiToken(
        { fleetId, creatorId: adminId, creatorRole: "DISPATCHER", input: { name: "Too high", role: "ADMIN" } },
        { actorId: adminId, ip: null },
      ),
    ).rejects.toThrow(/roleTooHigh/);
  });
});
