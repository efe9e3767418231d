// The provider facade: the app's configured adapters, built once, sharing one Postgres-backed rate limiter.
import "server-only";
import pg from "pg";
import type { Capability, ProviderName } from "@/lib/domain";
import { env, providerConfig } from "@/lib/env";
import { createProviders, type Adapters, type AdapterWith, type Providers } from "./create-providers";
import { InMemoryRateLimiter, PostgresRateLimiter, pgRunner, withFallback } from "./rate-limit";

export { createProviders } from "./create-providers";
export type { Adapters, AdapterWith, AnyAdapter, ProviderDeps, Providers } from "./create-providers";
export { ProviderError, isProviderError, type ProviderErrorCode } from "./errors";

const globalForProviders = globalThis as unknown as { providers?: Providers; providerRateLimitPool?: pg.Pool };

function sharedLimiter() {
  globalForProviders.providerRateLimitPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 3 });
  const postgres = new PostgresRateLimiter(pgRunner(globalForProviders.providerRateLimitPool));
  // If the database is briefly unreachable, limit within this process rather than fail provider calls.
  return withFallback(postgres, new InMemoryRateLimiter(), (error) =>
    console.warn("provider rate limiter: database unavailable, limiting in-process", (error as Error)?.message),
  );
}

/** The configured providers (real APIs where credentials are set, the sandbox otherwise), built once. */
export function getProviders(): Providers {
  globalForProviders.providers ??= createProviders(providerConfig(), {
    limiter: sharedLimiter(),
    log:
      env().LOG_LEVEL === "debug"
        ? (entry) => console.debug(JSON.stringify({ event: "provider.request", ...entry }))
        : undefined,
  });
  return globalForProviders.providers;
}

export function provider<N extends ProviderName>(name: N): Adapters[N] {
  return getProviders().get(name);
}

export function providersWith<C extends Capability>(capability: C): Array<AdapterWith<C>> {
  return getProviders().with(capability);
}
