// GET /api/health/providers against the sandbox: refused to the signed-out, non-admins and wrong tokens; an
// admin (or the monitoring token) sees the three providers with figures from real calls, and nothing secret.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/permissions";
import type { ProviderHealthSnapshot } from "@/lib/providers/health";
import { db } from "@/lib/db";
import { getProviders } from "@/lib/providers";
import { pgPool } from "@/lib/pg-pool";
import { GET } from "@/app/api/health/providers/route";

const TOKEN = vi.hoisted(() => {
  // lib/env reads this on first use, after the imports below.
  const token = "monitoring-token-for-the-integration-test";
  process.env.MONITORING_TOKEN = token;
  return token;
});
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));

const sandboxUrl = inject("sandboxUrl");
let userId = "";

function userWith(...roles: Role[]): CurrentUser {
  return {
    id: userId,
    email: "health@test.local",
    name: "Health",
    memberships: roles.map((role, i) => ({ fleetId: `fleet-${i}`, fleetName: `Fleet ${i}`, role })),
  };
}

async function get(headers: Record<string, string> = {}) {
  return GET(new Request("http://localhost/api/health/providers", { headers }));
}

async function setFaults(config: object | null) {
  await fetch(`${sandboxUrl}/_sandbox/faults`, {
    method: config ? "PUT" : "DELETE",
    headers: { "Content-Type": "application/json" },
    body: config ? JSON.stringify(config) : undefined,
  });
}

beforeAll(async () => {
  userId = (await db.user.create({ data: { email: "health@test.local", name: "Health", passwordHash: "x" } })).id;
  const providers = getProviders();
  const berlin = { latitude: 52.52, longitude: 13.405, radiusM: 3_000, limit: 5 };
  await providers.get("PLUGSURFING").search(berlin);
  await providers.get("PETITMONDE").search({ latitude: 48.1351, longitude: 11.582, radiusM: 5_000, limit: 5 });
  // An undocumented list: whether the sandbox has it or not, the token call and this attempt are recorded.
  await providers
    .get("DEPOTFINITY")
    .listChargers()
    .catch(() => undefined);

  // A failing Petit Monde search, so that the last error is set; the sandbox's own error text must not show.
  await setFaults({ endpoints: [{ pattern: "GET /petitmonde/api/v1/client/search", errorRate: 1 }] });
  await expect(
    providers.get("PETITMONDE").search({ latitude: 48.1351, longitude: 11.582, radiusM: 5_000, limit: 5 }),
  ).rejects.toMatchObject({ code: "UPSTREAM" });
  await setFaults(null);
});

afterAll(async () => {
  await setFaults(null);
  // The shared limiter's pool, closed before this file's database is dropped under it.
  await pgPool().end();
});

describe("GET /api/health/providers", () => {
  it("refuses the signed-out, users who are not an admin of any fleet, and wrong tokens", async () => {
    session.user = null;
    expect((await get()).status).toBe(401);

    session.user = userWith("DISPATCHER", "MANAGER", "DRIVER");
    const forbidden = await get();
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({
      error: { code: "FORBIDDEN", message: "You do not have access to this." },
    });
    expect(await db.auditLog.count({ where: { action: "auth.denied", objectId: "health.providers" } })).toBe(1);

    // A token is judged alone: a wrong one is refused even with an admin's session.
    session.user = userWith("ADMIN");
    const wrong = await get({ Authorization: "Bearer not-the-token" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toBe("Bearer");
    expect((await get({ Authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
  });

  it("lets the monitoring token in without a session", async () => {
    session.user = null;
    const response = await get({ Authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as ProviderHealthSnapshot;
    expect(body.providers).toHaveLength(3);
  });

  it("shows an admin of any fleet the three providers with the documented fields, from real calls", async () => {
    session.user = userWith("DRIVER", "ADMIN");
    const response = await get();
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text) as ProviderHealthSnapshot;
    expect(body).toMatchObject({ windowMinutes: 60, scope: "process" });
    expect(body.providers.map((p) => [p.provider, p.name, p.mode])).toEqual([
      ["PLUGSURFING", "Plugsurfing Drive", "sandbox"],
      ["PETITMONDE", "Petit Monde", "sandbox"],
      ["DEPOTFINITY", "DepotFinity", "sandbox"],
    ]);
    for (const p of body.providers) {
      expect(Object.keys(p).sort()).toEqual(
        [
          "provider",
          "name",
          "mode",
          "status",
          "summary",
          "lastSuccessAt",
          "lastError",
          "requests",
          "latencyMs",
          "rateLimit",
          "quotas",
          "budget",
          "dropped",
          "disabledFeatures",
        ].sort(),
      );
      expect(p.requests.attempts, p.provider).toBeGreaterThan(0);
      expect(p.lastSuccessAt, p.provider).not.toBeNull();
      expect(p.dropped).toMatchObject({ count: expect.any(Number), topPaths: expect.any(Array) });
    }

    const [plugsurfing, petitMonde] = body.providers;
    expect(plugsurfing.latencyMs.p50).toEqual(expect.any(Number));
    expect(plugsurfing.latencyMs.p95).toBeGreaterThanOrEqual(plugsurfing.latencyMs.p50!);
    // The shared (Postgres) limiter has slots taken for Plugsurfing's minute and day budgets.
    expect(plugsurfing.rateLimit.buckets?.map((b) => b.name).sort()).toEqual(["day", "minute"]);

    // Petit Monde: one search answered, one failed three times (5xx, retried).
    expect(petitMonde.requests).toMatchObject({ failed: 3 });
    expect(petitMonde.requests.attempts).toBeGreaterThanOrEqual(4);
    expect(petitMonde.lastError).toMatchObject({
      code: "UPSTREAM",
      operation: "search",
      message: "Server error at the provider",
    });
    expect([500, 502, 503]).toContain(petitMonde.lastError?.status);
    expect(petitMonde.status).toBe("degraded");
    // Its X-RateLimit-* headers: the sandbox sends the per-minute window. Whether that reading is still
    // current depends on when the oldest request of the sliding minute (another file's, maybe) ages out.
    expect(petitMonde.quotas[0]).toMatchObject({ window: "minute", limit: expect.any(Number) });
    expect(petitMonde.quotas[0].used).toBeGreaterThan(0);
    // Its monthly request budget, counted in the shared ledger: every attempt so far, the retries too.
    expect(petitMonde.budget).toMatchObject({ monthLimit: 10_000, browsingPaused: false });
    expect(petitMonde.budget!.monthUsed).toBeGreaterThanOrEqual(petitMonde.requests.attempts);
    expect(plugsurfing.budget).toBeNull();

    for (const secret of [
      "sandbox-plugsurfing-key",
      "sandbox-petitmonde-key",
      "sandbox-depot-client",
      "sandbox-depot-secret",
      sandboxUrl,
    ])
      expect(text).not.toContain(secret);
  });
});
