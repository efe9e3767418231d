// The provider settings that point every client at a sandbox's address (tests and benchmarks alike).
import type { ProviderConfig } from "@/lib/env";

export function sandboxConfigAt(url: string): ProviderConfig {
  return {
    plugsurfing: { baseUrl: `${url}/plugsurfing/drive`, apiKey: "sandbox-plugsurfing-key", sandbox: true },
    petitMonde: { baseUrl: `${url}/petitmonde/api/v1/client`, apiKey: "sandbox-petitmonde-key", sandbox: true },
    depot: {
      baseUrl: `${url}/depotfinity`,
      authUrl: `${url}/depotfinity-auth/oauth2/token`,
      clientId: "sandbox-depot-client",
      clientSecret: "sandbox-depot-secret",
      sandbox: true,
    },
  };
}
