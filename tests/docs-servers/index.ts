// Starts the three docs servers (four hosts, DepotFinity's token host apart) on free ports, one clock for all.
import type { ProviderConfig } from "@/lib/env";
import { DOCS_DEPOT_CHARGERS, createDepotFinityDocsServer } from "./depotfinity";
import { createPetitMondeDocsServer, type PetitMondeDocsControl } from "./petitmonde";
import { createPlugsurfingDocsServer, type PlugsurfingDocsControl } from "./plugsurfing";
import { DocsClock, listen } from "./support";

export { DOCS_DEPOT_CHARGERS };

export const DOCS_CREDENTIALS = {
  plugsurfingApiKey: "docs-plugsurfing-key",
  petitMondeApiKey: "docs-petitmonde-key",
  depotClientId: "docs-depot-client",
  depotClientSecret: "docs-depot-secret",
} as const;

export interface DocsServers {
  config: ProviderConfig;
  clock: DocsClock;
  plugsurfing: PlugsurfingDocsControl;
  petitMonde: PetitMondeDocsControl;
  stop(): Promise<void>;
}

export async function startDocsServers(): Promise<DocsServers> {
  const clock = new DocsClock();
  const plugsurfing = createPlugsurfingDocsServer({ apiKey: DOCS_CREDENTIALS.plugsurfingApiKey, clock });
  const petitMonde = createPetitMondeDocsServer({ apiKey: DOCS_CREDENTIALS.petitMondeApiKey, clock });
  const depot = createDepotFinityDocsServer({
    clientId: DOCS_CREDENTIALS.depotClientId,
    clientSecret: DOCS_CREDENTIALS.depotClientSecret,
    clock,
  });
  const servers = await Promise.all([
    listen(plugsurfing.app),
    listen(petitMonde.app),
    listen(depot.api),
    listen(depot.auth),
  ]);
  const [ps, pm, depotApi, depotAuth] = servers;
  return {
    config: {
      plugsurfing: { baseUrl: `${ps.url}/drive`, apiKey: DOCS_CREDENTIALS.plugsurfingApiKey, sandbox: false },
      petitMonde: { baseUrl: `${pm.url}/api/v1/client`, apiKey: DOCS_CREDENTIALS.petitMondeApiKey, sandbox: false },
      depot: {
        baseUrl: depotApi.url,
        authUrl: `${depotAuth.url}/oauth2/token`,
        clientId: DOCS_CREDENTIALS.depotClientId,
        clientSecret: DOCS_CREDENTIALS.depotClientSecret,
        sandbox: false,
      },
    },
    clock,
    plugsurfing: plugsurfing.control,
    petitMonde: petitMonde.control,
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
