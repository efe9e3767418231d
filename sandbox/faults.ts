// Fault injection: latency, 5xx, hangs, dropped sockets, malformed bodies and 429 bursts, per provider or endpoint.
import { z } from "zod";
import { createRandom, type Random } from "./random";

export const PROVIDER_KEYS = ["plugsurfing", "petitmonde", "depotfinity"] as const;
export type ProviderKey = (typeof PROVIDER_KEYS)[number];

const rate = z.number().min(0).max(1);

const faultRuleSchema = z.object({
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  errorRate: rate.optional(),
  timeoutRate: rate.optional(),
  dropRate: rate.optional(),
  malformedRate: rate.optional(),
  /** The next N matching requests get the provider's own 429. */
  rateLimitBurst: z.number().int().min(0).optional(),
});

const endpointRuleSchema = faultRuleSchema.extend({
  /** Path glob on the full sandbox path, `*` matches anything: "/petitmonde/api/v1/client/bookings*". */
  pattern: z.string().min(1),
  method: z.string().optional(),
});

export const faultConfigSchema = z.object({
  seed: z.number().int().optional(),
  providers: z
    .object({
      plugsurfing: faultRuleSchema.optional(),
      petitmonde: faultRuleSchema.optional(),
      depotfinity: faultRuleSchema.optional(),
    })
    .optional(),
  endpoints: z.array(endpointRuleSchema).optional(),
});

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultConfig = z.infer<typeof faultConfigSchema>;

export interface FaultDecision {
  latencyMs: number;
  /** Status of an injected 5xx, answered before the handler runs. */
  errorStatus?: number;
  rateLimited: boolean;
  /** Applied after the handler ran: the client cannot tell whether the request took effect. */
  timeout: boolean;
  drop: boolean;
  malformed: boolean;
}

const NO_FAULT: FaultDecision = { latencyMs: 0, rateLimited: false, timeout: false, drop: false, malformed: false };

interface CompiledEndpoint {
  rule: FaultRule;
  method?: string;
  regex: RegExp;
}

export class FaultEngine {
  private config: FaultConfig = {};
  private endpoints: CompiledEndpoint[] = [];
  private random: Random = createRandom(1);

  constructor(initial?: FaultConfig) {
    if (initial) this.set(initial);
  }

  set(config: FaultConfig): void {
    // Deep copy: burst counters are decremented in place.
    this.config = structuredClone(config);
    this.random = createRandom(config.seed ?? 1);
    this.endpoints = (this.config.endpoints ?? []).map((rule) => {
      let pattern = rule.pattern;
      let method = rule.method?.toUpperCase();
      const withMethod = /^([A-Z]+)\s+(\/.*)$/i.exec(pattern);
      if (withMethod) [method, pattern] = [withMethod[1].toUpperCase(), withMethod[2]];
      const regex = new RegExp(`^${pattern.split("*").map(escapeRegex).join(".*")}$`);
      return { rule, method, regex };
    });
  }

  get(): FaultConfig {
    return structuredClone(this.config);
  }

  clear(): void {
    this.set({});
  }

  get active(): boolean {
    return Boolean(this.config.endpoints?.length) || Object.values(this.config.providers ?? {}).some(Boolean);
  }

  decide(provider: ProviderKey, method: string, path: string): FaultDecision {
    if (!this.active) return NO_FAULT;
    const endpoint = this.endpoints.find((e) => (!e.method || e.method === method) && e.regex.test(path));
    const providerRule = this.config.providers?.[provider];
    const rules = [endpoint?.rule, providerRule].filter((r): r is FaultRule => Boolean(r));
    if (rules.length === 0) return NO_FAULT;
    const field = <K extends keyof FaultRule>(key: K): FaultRule[K] => rules.find((r) => r[key] !== undefined)?.[key];

    const burstRule = rules.find((r) => (r.rateLimitBurst ?? 0) > 0);
    if (burstRule) burstRule.rateLimitBurst = burstRule.rateLimitBurst! - 1;
    const chance = (p: number | undefined) => p !== undefined && p > 0 && this.random() < p;
    const errored = chance(field("errorRate"));
    return {
      latencyMs: field("latencyMs") ?? 0,
      rateLimited: Boolean(burstRule),
      errorStatus: errored ? [500, 502, 503][Math.floor(this.random() * 3)] : undefined,
      timeout: chance(field("timeoutRate")),
      drop: chance(field("dropRate")),
      malformed: chance(field("malformedRate")),
    };
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}
