// Gathers the provider health snapshot on the server: this process's telemetry, the configuration, and what
// the shared rate limiter holds for each provider's buckets, and what the request budget has spent. Who may see it is decided here too.
import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { providerConfig } from "@/lib/env";
import { pgPool } from "@/lib/pg-pool";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { providerHealth, type LimiterReading, type ProviderHealthSnapshot } from "./health";
import type { ProviderName } from "@/lib/domain";
import type { BudgetUse } from "./budget";
import { provider } from "./index";
import { RATE_LIMIT_TABLE } from "./rate-limit";
import { providerTelemetry } from "./telemetry";

// The database clock, as in the limiter itself, so readings agree with the instances that took the slots.
const PEEK_SQL = `
SELECT key, (EXTRACT(EPOCH FROM (tat - now())) * 1000)::float8 AS ahead_ms
FROM ${RATE_LIMIT_TABLE} WHERE key = ANY($1::text[])`;

/** The shared limiter's view of these buckets; null when the database cannot be read right now. */
async function readSharedLimiter(keys: string[]): Promise<LimiterReading[] | null> {
  if (keys.length === 0) return [];
  try {
    const { rows } = await pgPool().query<{ key: string; ahead_ms: number }>(PEEK_SQL, [keys]);
    return rows.map((row) => ({ key: row.key, aheadMs: Number(row.ahead_ms) }));
  } catch (error) {
    logWithRequestId("warn", { event: "provider-health.limiter_unreadable", err: error }, "rate limiter unreadable");
    return null;
  }
}

/** What Petit Monde's monthly budget has spent; left out when the database cannot be read right now. */
async function readBudgets(): Promise<Partial<Record<ProviderName, BudgetUse>>> {
  const { ledger, quota } = provider("PETITMONDE").client.budget;
  try {
    return { PETITMONDE: await ledger.read(quota) };
  } catch (error) {
    logWithRequestId("warn", { event: "provider-health.budget_unreadable", err: error }, "request budget unreadable");
    return {};
  }
}

export async function getProviderHealth(): Promise<ProviderHealthSnapshot> {
  const telemetry = providerTelemetry();
  const views = telemetry.views();
  const [limiter, budgets] = await Promise.all([
    readSharedLimiter(views.flatMap((v) => v.buckets.map((b) => b.key))),
    readBudgets(),
  ]);
  return providerHealth({ views, config: providerConfig(), limiter, budgets, now: telemetry.now() });
}

/** Provider health is about the whole dashboard, not one fleet: an admin of any fleet may see it. */
export function canViewProviderHealth(user: CurrentUser): boolean {
  return user.memberships.some((m) => m.role === "ADMIN");
}
