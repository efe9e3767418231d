// Builds the three adapters from a provider configuration; pure of env and server-only so tests and
// benchmarks can call it with their own limiter and fetch.
import type { Capability, ProviderName } from "@/lib/domain";
import type { ProviderConfig } from "@/lib/env";
import { DepotFinityAdapter } from "./depotfinity";
import type { HttpClientConfig } from "./http";
import { PetitMondeAdapter } from "./petitmonde";
import { PlugsurfingAdapter } from "./plugsurfing";
import type { BudgetLedger } from "./budget";
import { InMemoryRateLimiter, type RateLimiter } from "./rate-limit";
import type { ProviderAdapter } from "./types";

/** Provider name → its adapter, with the exact capabilities and extra operations it has. */
export interface Adapters {
  PLUGSURFING: PlugsurfingAdapter;
  PETITMONDE: PetitMondeAdapter;
  DEPOTFINITY: DepotFinityAdapter;
}
export type AnyAdapter = Adapters[ProviderName];

type CapabilitiesOf<A> = A extends { readonly capabilities: readonly (infer C)[] } ? C : never;

/** The adapters that declare capability C (a union of the concrete adapter types). */
export type AdapterWith<C extends Capability> = {
  [N in ProviderName]: C extends CapabilitiesOf<Adapters[N]> ? Adapters[N] : never;
}[ProviderName];

// Compile-time proof that each adapter implements every capability it declares.
type Implements<A extends ProviderAdapter<CapabilitiesOf<A> & Capability>> = A;
export type CheckedAdapters = [
  Implements<Adapters["PLUGSURFING"]>,
  Implements<Adapters["PETITMONDE"]>,
  Implements<Adapters["DEPOTFINITY"]>,
];

export interface ProviderDeps {
  /** Shared limiter; defaults to an in-memory one (one process only). */
  limiter?: RateLimiter;
  /** Where monthly quotas are counted (Petit Monde's); defaults to in-memory (one process only). */
  budgetLedger?: BudgetLedger;
  fetch?: typeof fetch;
  timeoutMs?: number;
  log?: HttpClientConfig["log"];
  retry?: HttpClientConfig["retry"];
}

export interface Providers {
  /** One provider, typed to its adapter. */
  get<N extends ProviderName>(name: N): Adapters[N];
  /** The providers that declare this capability, typed with its interface. */
  with<C extends Capability>(capability: C): Array<AdapterWith<C>>;
  all(): AnyAdapter[];
}

function createAdapter<N extends ProviderName>(name: N, config: ProviderConfig, deps: ProviderDeps): Adapters[N];
function createAdapter(name: ProviderName, config: ProviderConfig, deps: ProviderDeps): AnyAdapter {
  const options = {
    fetch: deps.fetch,
    limiter: deps.limiter,
    timeoutMs: deps.timeoutMs,
    log: deps.log,
    retry: deps.retry,
  };
  switch (name) {
    case "PLUGSURFING":
      return new PlugsurfingAdapter(
        { baseUrl: config.plugsurfing.baseUrl, apiKey: config.plugsurfing.apiKey },
        options,
      );
    case "PETITMONDE":
      return new PetitMondeAdapter(
        {
          baseUrl: config.petitMonde.baseUrl,
          apiKey: config.petitMonde.apiKey,
          monthlyQuota: config.petitMonde.monthlyQuota,
        },
        { ...options, budgetLedger: deps.budgetLedger },
      );
    case "DEPOTFINITY":
      return new DepotFinityAdapter(
        {
          baseUrl: config.depot.baseUrl,
          authUrl: config.depot.authUrl,
          clientId: config.depot.clientId,
          clientSecret: config.depot.clientSecret,
        },
        options,
      );
    default: {
      const unknown: never = name;
      throw new Error(`unknown provider ${String(unknown)}`);
    }
  }
}

export function createProviders(config: ProviderConfig, deps: ProviderDeps = {}): Providers {
  const resolved = { ...deps, limiter: deps.limiter ?? new InMemoryRateLimiter() };
  const adapters: Adapters = {
    PLUGSURFING: createAdapter("PLUGSURFING", config, resolved),
    PETITMONDE: createAdapter("PETITMONDE", config, resolved),
    DEPOTFINITY: createAdapter("DEPOTFINITY", config, resolved),
  };
  const all = Object.values(adapters) as AnyAdapter[];
  return {
    get: (name) => adapters[name],
    with: <C extends Capability>(capability: C) =>
      all.filter((a) => (a.capabilities as readonly Capability[]).includes(capability)) as Array<AdapterWith<C>>,
    all: () => all,
  };
}
