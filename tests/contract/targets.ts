// The two servers each contract suite runs against: the project's sandbox and the docs server, with the
// few set-up steps that the APIs themselves do not offer (issuing invitation codes, forcing a booking's fate).
import { afterAll } from "vitest";
import type { ProviderConfig } from "@/lib/env";
import { createProviders, type ProviderDeps } from "@/lib/providers/create-providers";
import { sandboxAdmin, sandboxConfig, sandboxUrl } from "@/lib/providers/testing/sandbox";
import { DOCS_DEPOT_CHARGERS, startDocsServers, type DocsServers } from "../docs-servers";

export interface RawResponse {
  status: number;
  headers: Headers;
  json: unknown;
}

export interface ContractTarget {
  name: "sandbox" | "docs server";
  config: ProviderConfig;
  providers(deps?: ProviderDeps): ReturnType<typeof createProviders>;
  plugsurfing: {
    /** Invitation codes are issued outside the API. */
    addInvitationCode(fleetId: string, code: string): Promise<void>;
    /** Makes sure the user has at least a few COMPLETE sessions in their history. */
    prepareHistory(userId: string): Promise<void>;
  };
  petitMonde: {
    /** The next request of this client gets a 429 with Retry-After. */
    provokeRateLimit(): Promise<void>;
    /** Lets the rate-limit window pass: the sleep a client does when it honours Retry-After. */
    letTimePass(ms: number): void;
    clearRateLimit(): Promise<void>;
    /** Fleet groups and their limits are set up with Petit Monde, not through the API. */
    setFleetGroupLimit(fleetGroupId: string, perSessionLimitEur: number): Promise<void>;
    /** The operator's or driver's doing: ATTENDING, COMPLETED, EXPIRED… */
    setBookingStatus(bookingId: string, status: string): Promise<void>;
  };
  depot: {
    /** A charger of the fleet's depot, as its admin configures it in the dashboard. */
    charger(): Promise<{ chargerId: string; connectorIds: string[] }>;
  };
}

async function raw(url: string, init: RequestInit = {}): Promise<RawResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown = text;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, headers: response.headers, json };
}

/** A plain call to Plugsurfing, outside the client under test. */
export function plugsurfingRaw(config: ProviderConfig, method: string, path: string, body?: unknown) {
  return raw(`${config.plugsurfing.baseUrl}${path}`, {
    method,
    headers: { "X-API-Key": config.plugsurfing.apiKey, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A plain GET to Petit Monde, outside the client under test. */
export async function petitMondeRaw(config: ProviderConfig, path: string, options = { waitOutRateLimit: true }) {
  const get = () => raw(`${config.petitMonde.baseUrl}${path}`, { headers: { "X-API-Key": config.petitMonde.apiKey } });
  const response = await get();
  if (response.status !== 429 || !options.waitOutRateLimit) return response;
  // The key's 100 requests a minute are shared with the adapters under test: wait once, as asked.
  const seconds = Math.min(65, Number(response.headers.get("retry-after") ?? 5));
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return get();
}

/** A plain GET to DepotFinity with a fresh token, outside the client under test. */
export async function depotRaw(config: ProviderConfig, path: string) {
  const basic = Buffer.from(`${config.depot.clientId}:${config.depot.clientSecret}`).toString("base64");
  const token = await raw(config.depot.authUrl, {
    method: "POST",
    headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  const accessToken = (token.json as { access_token: string }).access_token;
  return raw(`${config.depot.baseUrl}${path}`, { headers: { Authorization: `Bearer ${accessToken}` } });
}

interface RawLocation {
  evses: Array<{ status: string; capabilities?: string[]; connectors: Array<{ id: string }> }>;
}

/** Connector ids that take a remote start now, from a plain geosearch around Berlin. */
export async function remoteStartConnectors(config: ProviderConfig): Promise<string[]> {
  const found = await plugsurfingRaw(
    config,
    "POST",
    "/v1/geosearch/radius?latitude=52.52&longitude=13.405&distance=30000&limit=100&aggregate=false",
    { filters: { locationStatuses: ["AVAILABLE"] } },
  );
  return ((found.json as { locations: RawLocation[] }).locations ?? [])
    .flatMap((l) => l.evses)
    .filter((e) => e.status === "AVAILABLE" && e.capabilities?.includes("REMOTE_START_STOP_CAPABLE"))
    .flatMap((e) => e.connectors.map((c) => c.id));
}

function sandboxTarget(): ContractTarget {
  const config = sandboxConfig();
  return {
    name: "sandbox",
    config,
    providers: (deps = {}) => createProviders(config, deps),
    plugsurfing: {
      addInvitationCode: async (fleetId, code) => {
        await sandboxAdmin("POST", `/plugsurfing/fleets/${encodeURIComponent(fleetId)}/invitation-codes`, { code });
      },
      // The sandbox gives every user a past.
      prepareHistory: async () => {},
    },
    petitMonde: {
      provokeRateLimit: async () => {
        await sandboxAdmin("PUT", "/faults", { providers: { petitmonde: { rateLimitBurst: 1 } } });
      },
      // The burst is one answer long, whatever the time.
      letTimePass: () => {},
      clearRateLimit: async () => {
        await sandboxAdmin("DELETE", "/faults");
      },
      setFleetGroupLimit: async (fleetGroupId, perSessionLimitEur) => {
        await sandboxAdmin("PUT", `/petitmonde/fleet-groups/${encodeURIComponent(fleetGroupId)}`, {
          perSessionLimitEur,
        });
      },
      setBookingStatus: async (bookingId, status) => {
        await sandboxAdmin("POST", `/petitmonde/bookings/${encodeURIComponent(bookingId)}/status`, { status });
      },
    },
    depot: {
      // What the fleet admin would configure: the sandbox's own view of its depots, else its charger list.
      charger: async () => {
        const admin = await raw(`${sandboxUrl()}/_sandbox/depotfinity/chargers`);
        if (admin.status === 200) {
          const [first] = (admin.json as { chargers: Array<{ id: string; connectors: string[] }> }).chargers;
          return { chargerId: first.id, connectorIds: first.connectors.map(String) };
        }
        const list = await depotRaw(config, "/v1/chargers");
        const [first] = (
          list.json as { data: Array<{ id: string; attributes: { Connectors: Array<{ ConnectorId: string }> } }> }
        ).data;
        return { chargerId: first.id, connectorIds: first.attributes.Connectors.map((c) => String(c.ConnectorId)) };
      },
    },
  };
}

function docsTarget(docs: DocsServers): ContractTarget {
  const config = docs.config;
  return {
    name: "docs server",
    config,
    providers: (deps = {}) => createProviders(config, deps),
    plugsurfing: {
      addInvitationCode: async (fleetId, code) => docs.plugsurfing.addInvitationCode(fleetId, code),
      prepareHistory: async (userId) => {
        const [connectorId] = await remoteStartConnectors(config);
        const user = encodeURIComponent(userId);
        for (let i = 0; i < 5; i++) {
          // A connector takes one start per minute.
          docs.clock.advance(61_000);
          const started = await plugsurfingRaw(config, "POST", `/v1/users/${user}/sessions/start`, { connectorId });
          const { sessionId } = started.json as { sessionId: string };
          docs.clock.advance(20 * 60_000);
          await plugsurfingRaw(config, "POST", `/v1/users/${user}/sessions/${sessionId}/stop`);
        }
      },
    },
    petitMonde: {
      provokeRateLimit: async () => {
        for (let i = 0; i < 150; i++) {
          const response = await petitMondeRaw(config, "/usage", { waitOutRateLimit: false });
          if (response.status === 429) return;
        }
        throw new Error("the docs server never answered 429");
      },
      letTimePass: (ms) => docs.clock.advance(ms),
      clearRateLimit: async () => docs.clock.advance(61_000),
      setFleetGroupLimit: async (fleetGroupId, perSessionLimitEur) =>
        docs.petitMonde.setFleetGroupLimit(fleetGroupId, perSessionLimitEur),
      setBookingStatus: async (bookingId, status) =>
        docs.petitMonde.setBookingStatus(
          bookingId,
          status as Parameters<DocsServers["petitMonde"]["setBookingStatus"]>[1],
        ),
    },
    depot: {
      charger: async () => ({
        chargerId: DOCS_DEPOT_CHARGERS[0].chargerId,
        connectorIds: [...DOCS_DEPOT_CHARGERS[0].connectorIds],
      }),
    },
  };
}

/** Both targets; the docs servers live as long as the test file. */
export async function contractTargets(): Promise<ContractTarget[]> {
  const docs = await startDocsServers();
  afterAll(() => docs.stop());
  return [sandboxTarget(), docsTarget(docs)];
}
