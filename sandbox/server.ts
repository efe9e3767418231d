// Starts the provider sandbox: one HTTP server on 127.0.0.1 speaking Plugsurfing, Petit Monde and DepotFinity.
import { serve, type HttpBindings } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Hono, type Context } from "hono";
import { routePath } from "hono/route";
import { adminRoutes } from "./admin";
import { SimClock } from "./clock";
import { FaultEngine, type FaultConfig, type ProviderKey } from "./faults";
import { DEFAULT_LOCATION_COUNT, generateNetwork, type Network } from "./network/generate";
import { depotAuthRoutes, depotRoutes, depotTooManyRequests } from "./providers/depotfinity";
import { petitMondeRoutes, petitMondeTooManyRequests, type PetitMondeLimiter } from "./providers/petitmonde";
import { plugsurfingRoutes, plugsurfingTooManyRequests } from "./providers/plugsurfing";
import { DOCUMENTED_RATE_LIMITS, SlidingWindowCounter, type RateLimits } from "./rate-limits";
import { SessionEvents, type SessionEventTarget } from "./session-events";
import { StateStore } from "./state";
import { RequestStats } from "./stats";
import { World } from "./world";

export type { FaultConfig } from "./faults";
export type { RateLimits } from "./rate-limits";

export interface SandboxOptions {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  seed?: number;
  /** Simulated seconds per real second (default 1, or what was last set and persisted). */
  timeScale?: number;
  locationCount?: number;
  faults?: FaultConfig;
  rateLimits?: Partial<RateLimits>;
  /** DepotFinity access-token lifetime in real seconds (default 3600). */
  depotTokenTtlSeconds?: number;
  /** Where Plugsurfing's signed session events go from the start (also set with PUT /_sandbox/plugsurfing/webhook). */
  sessionEvents?: SessionEventTarget;
}

export interface RunningSandbox {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const DEFAULT_SEED = 42;

const PREFIXES: Array<[string, ProviderKey]> = [
  ["/plugsurfing/drive", "plugsurfing"],
  ["/petitmonde/api/v1/client", "petitmonde"],
  ["/depotfinity-auth", "depotfinity"],
  ["/depotfinity", "depotfinity"],
];

function providerOf(path: string): ProviderKey | undefined {
  return PREFIXES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1];
}

// The network is immutable, so servers in one process (tests) share it per seed and size.
const networks = new Map<string, Network>();
function networkFor(seed: number, locationCount: number): Network {
  const key = `${seed}:${locationCount}`;
  let network = networks.get(key);
  if (!network) {
    network = generateNetwork(seed, locationCount);
    networks.set(key, network);
  }
  return network;
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const store = new StateStore(options.dataDir, options.seed ?? DEFAULT_SEED, (state) => {
    state.clockOffsetMs = clock.offsetMs();
    state.timeScale = clock.timeScale;
  });
  const seed = options.seed ?? store.state.seed;
  store.state.seed = seed;
  const clock = new SimClock(options.timeScale ?? store.state.timeScale ?? 1, store.state.clockOffsetMs);
  const rateLimits: RateLimits = { ...DOCUMENTED_RATE_LIMITS, ...options.rateLimits };
  const world = new World(networkFor(seed, options.locationCount ?? DEFAULT_LOCATION_COUNT), clock, store, {
    rateLimits,
    depotTokenTtlSeconds: options.depotTokenTtlSeconds ?? 3600,
  });
  const faults = new FaultEngine(options.faults);
  const sessionEvents = new SessionEvents(world);
  if (options.sessionEvents) sessionEvents.register(options.sessionEvents);
  const stats = new RequestStats();
  const petitMondeLimiter: PetitMondeLimiter = {
    minute: new SlidingWindowCounter(rateLimits.petitMondePerMinute, 60_000),
  };

  const tooManyRequests: Record<ProviderKey, (c: Context) => Response> = {
    plugsurfing: plugsurfingTooManyRequests,
    petitmonde: (c) => {
      const now = Date.now();
      c.header("X-RateLimit-Limit", String(petitMondeLimiter.minute.limit));
      c.header("X-RateLimit-Remaining", "0");
      c.header("X-RateLimit-Reset", new Date(now + 60_000).toISOString());
      return petitMondeTooManyRequests(c, 60);
    },
    depotfinity: depotTooManyRequests,
  };
  const serverError: Record<ProviderKey, (c: Context, status: number) => Response> = {
    plugsurfing: (c, status) => c.json({ status, message: "Internal server error" }, status as 500),
    petitmonde: (c, status) => c.json({ error: "Internal server error" }, status as 500),
    depotfinity: (c, status) =>
      c.json(
        { errors: [{ status: String(status), title: "Server Error", detail: "Internal server error" }] },
        status as 500,
      ),
  };

  const app = new Hono<{ Bindings: HttpBindings }>();

  // Outermost: count every provider request by its route pattern (what benchmarks read).
  app.use("*", async (c, next) => {
    const provider = providerOf(c.req.path);
    await next();
    if (provider) {
      const pattern = routePath(c, -1);
      stats.record(
        provider,
        `${c.req.method} ${pattern === "*" || pattern === "/*" ? "(unmatched)" : pattern}`,
        c.res.status,
      );
    }
  });

  app.use("*", async (c, next) => {
    const provider = providerOf(c.req.path);
    if (!provider) return next();
    const decision = faults.decide(provider, c.req.method, c.req.path);
    if (decision.latencyMs) await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
    if (decision.rateLimited) return tooManyRequests[provider](c);
    if (decision.errorStatus) return serverError[provider](c, decision.errorStatus);
    await next();
    // The faults below strike after the request took effect: the client cannot know whether it did.
    if (decision.malformed) {
      const text = await c.res.clone().text();
      const headers = new Headers(c.res.headers);
      headers.set("content-type", "application/json");
      headers.delete("content-length");
      c.res = new Response(`${text.slice(0, Math.floor(text.length / 2))}{"`, { status: c.res.status, headers });
    }
    const socket = c.env?.incoming?.socket;
    if (decision.drop && socket) socket.destroy();
    else if (decision.timeout && socket) {
      await new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once("close", () => resolve())));
    }
  });

  app.route("/_sandbox", adminRoutes(world, faults, stats, sessionEvents));
  app.route("/plugsurfing/drive", plugsurfingRoutes(world));
  app.route("/petitmonde/api/v1/client", petitMondeRoutes(world, petitMondeLimiter));
  app.route("/depotfinity-auth", depotAuthRoutes(world));
  app.route("/depotfinity", depotRoutes(world));

  app.notFound((c) => {
    const message = `No route for ${c.req.method} ${c.req.path}`;
    switch (providerOf(c.req.path)) {
      case "plugsurfing":
        return c.json({ status: 404, message }, 404);
      case "depotfinity":
        return c.json({ errors: [{ status: "404", title: "Not Found", detail: message }] }, 404);
      default:
        return c.json({ error: message }, 404);
    }
  });
  app.onError((err, c) => {
    console.error("sandbox: unhandled error", err);
    return c.json({ error: "Internal sandbox error" }, 500);
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: "127.0.0.1" }, () =>
      resolve(s as Server),
    ) as Server;
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;

  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      sessionEvents.stop();
      store.flush();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging (timeout-fault) and keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
  };
}
