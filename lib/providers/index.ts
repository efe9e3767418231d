// The provider facade: the app's configured adapters, built once, sharing one Postgres-backed rate limiter and
// request budget.
import "server-only";
import type { Capability, ProviderName } from "@/lib/domain";
import { providerConfig } from "@/lib/env";
import { log } from "@/lib/observability/log";
import { pgPool } from "@/lib/pg-pool";
import { createProviders, type Adapters, type AdapterWith, type Providers } from "./create-providers";
import { InMemoryBudgetLedger, PostgresBudgetLedger, budgetWithFallback } from "./budget";
import { InMemoryRateLimiter, PostgresRateLimiter, pgRunner, withFallback } from "./rate-limit";
import { findKeyPortOf, keyPortOf, keyPortsOf } from "./key-port";
import type { KeyPort } from "./types";

export { createProviders } from "./create-providers";
export type { Adapters, AdapterWith, AnyAdapter, ProviderDeps, Providers } from "./create-providers";
export { ProviderError, isProviderError, type ProviderErrorCode } from "./errors";
export { findKeyPortOf, keyPortOf, keyPortsOf } from "./key-port";
export type { KeyPort } from "./types";

const globalForProviders = globalThis as unknown as { providers?: Providers };

function sharedLimiter() {
  const postgres = new PostgresRateLimiter(pgRunner(pgPool()));
  // If the database is briefly unreachable, limit within this process rather than fail provider calls.
  return withFallback(postgres, new InMemoryRateLimiter(), (error) =>
    log.warn(
      { event: "provider.rate_limiter_fallback", err: error },
      "provider rate limiter: database unavailable, limiting in-process",
    ),
  );
}

function sharedBudgetLedger() {
  return budgetWithFallback(new PostgresBudgetLedger(pgRunner(pgPool())), new InMemoryBudgetLedger(), (error) =>
    log.warn(
      { event: "provider.budget_fallback", err: error },
      "provider request budget: database unavailable, counting in-process",
    ),
  );
}

/** The configured providers (real APIs where credentials are set, the sandbox otherwise), built once. */
export function getProviders(): Providers {
  // Every attempt is logged and counted by the HTTP client itself (lib/providers/http.ts).
  globalForProviders.providers ??= createProviders(providerConfig(), {
    limiter: sharedLimiter(),
    budgetLedger: sharedBudgetLedger(),
  });
  return globalForProviders.providers;
}

export function provider<N extends ProviderName>(name: N): Adapters[N] {
  return getProviders().get(name);
}

export function providersWith<C extends Capability>(capability: C): Array<AdapterWith<C>> {
  return getProviders().with(capability);
}

/** The key port of a key's provider; a DomainError where that provider has no keys to switch. */
export function keyPort(name: ProviderName): KeyPort {
  return keyPortOf(getProviders(), name);
}

/** Like keyPort, but undefined where the provider has no keys to switch. */
export function findKeyPort(name: ProviderName): KeyPort | undefined {
  return findKeyPortOf(getProviders(), name);
}

/** Every provider whose fleet keys the dashboard can create and switch. */
export function keyPorts(): KeyPort[] {
  return keyPortsOf(getProviders());
}
