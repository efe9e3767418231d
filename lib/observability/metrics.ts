// Prometheus metrics (prom-client), in one registry per process kept on globalThis: scripts/serve.ts
// records request latency, the provider client its calls, the rate limiter its waits, and the job queue
// is read at scrape time. GET /api/metrics serves the registry.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { log } from "./log";

export type ProviderOutcome = "ok" | "client_error" | "server_error" | "timeout" | "rate_limited";

export interface QueueStats {
  queue: string;
  /** Jobs waiting to run (created or retrying, deferred ones included). */
  depth: number;
  /** How long the oldest job that could run has waited since it became due; 0 when none waits. */
  oldestAgeSeconds: number;
}

/** Route labels beyond this many share one, so a crawler cannot grow the series without bound. */
export const MAX_ROUTE_LABELS = 200;
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Queue figures are read once per scrape however many gauges ask. */
const QUEUE_STATS_TTL_MS = 1_000;

interface FleetMetrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status_class">;
  providerRequests: Counter<"provider" | "operation" | "outcome">;
  providerDuration: Histogram<"provider" | "operation" | "outcome">;
  rateLimitWait: Histogram<"provider">;
  routes: Set<string>;
  queueStats?: () => Promise<QueueStats[]>;
  queueRead?: { at: number; stats: Promise<QueueStats[]> };
}

function createMetrics(): FleetMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const state: Partial<FleetMetrics> = { registry, routes: new Set() };
  const readQueues = (): Promise<QueueStats[]> => {
    const source = state.queueStats;
    if (!source) return Promise.resolve([]);
    const now = Date.now();
    if (!state.queueRead || now - state.queueRead.at > QUEUE_STATS_TTL_MS) {
      const stats = source().catch((error: unknown) => {
        log.warn({ event: "metrics.queue_unreadable", err: error }, "job queue figures could not be read");
        return [];
      });
      state.queueRead = { at: now, stats };
    }
    return state.queueRead.stats;
  };

  new Gauge({
    name: "job_queue_depth",
    help: "Jobs waiting in each pg-boss queue (created or retrying, deferred ones included).",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      const stats = await readQueues();
      this.reset();
      for (const s of stats) this.set({ queue: s.queue }, s.depth);
    },
  });
  new Gauge({
    name: "job_queue_oldest_age_seconds",
    help: "Seconds the oldest runnable job of each pg-boss queue has waited since it became due (0: none waits).",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      const stats = await readQueues();
      this.reset();
      for (const s of stats) this.set({ queue: s.queue }, s.oldestAgeSeconds);
    },
  });

  return Object.assign(state, {
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method, route (ids as :id) and status class.",
      labelNames: ["method", "route", "status_class"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    providerRequests: new Counter({
      name: "provider_requests_total",
      help: "HTTP attempts to a charging provider (a retried call counts each attempt), by operation and outcome.",
      labelNames: ["provider", "operation", "outcome"] as const,
      registers: [registry],
    }),
    providerDuration: new Histogram({
      name: "provider_request_duration_seconds",
      help: "Duration of each HTTP attempt to a charging provider, by operation and outcome.",
      labelNames: ["provider", "operation", "outcome"] as const,
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
      registers: [registry],
    }),
    rateLimitWait: new Histogram({
      name: "provider_rate_limit_wait_seconds",
      help: "Time a provider request waited for its slot in the shared rate limiter (0 when it had room).",
      labelNames: ["provider"] as const,
      buckets: [0, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
  }) as FleetMetrics;
}

const shared = globalThis as unknown as { fleetMetrics?: FleetMetrics };

function metrics(): FleetMetrics {
  return (shared.fleetMetrics ??= createMetrics());
}

export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
}

export function recordHttpRequest(request: { method?: string; route: string; status: number; durationMs: number }) {
  const m = metrics();
  let route = request.route;
  if (!m.routes.has(route)) {
    if (m.routes.size >= MAX_ROUTE_LABELS) route = "(other)";
    else m.routes.add(route);
  }
  const method = request.method && METHODS.has(request.method) ? request.method : "OTHER";
  m.httpDuration.observe({ method, route, status_class: statusClass(request.status) }, request.durationMs / 1000);
}

export function recordProviderAttempt(attempt: {
  provider: string;
  operation: string;
  outcome: ProviderOutcome;
  durationMs: number;
}) {
  const m = metrics();
  const labels = { provider: attempt.provider.toLowerCase(), operation: attempt.operation, outcome: attempt.outcome };
  m.providerRequests.inc(labels);
  m.providerDuration.observe(labels, Math.max(0, attempt.durationMs) / 1000);
}

export function recordRateLimitWait(provider: string, waitMs: number) {
  metrics().rateLimitWait.observe({ provider: provider.toLowerCase() }, Math.max(0, waitMs) / 1000);
}

/** Where the job queue gauges read from at scrape time (the job queue module sets it). */
export function setQueueStatsSource(source: () => Promise<QueueStats[]>) {
  metrics().queueStats = source;
}

/** The registry in the Prometheus text format. */
export async function metricsText(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
