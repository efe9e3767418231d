// The provider table in lib/domain/provider.ts says what each adapter can do, for code that cannot import
// adapters (the browser bundle): it must say exactly what the adapters declare.
import { describe, expect, it } from "vitest";
import { IdentityKind, SessionSource } from "@/generated/prisma/enums";
import { PROVIDER_FEATURES, PROVIDERS } from "@/lib/domain";
import { createProviders } from "./create-providers";

const config = {
  plugsurfing: { baseUrl: "http://127.0.0.1:1/ps", apiKey: "k1", sandbox: true },
  petitMonde: { baseUrl: "http://127.0.0.1:1/pm", apiKey: "k2", sandbox: true },
  depot: {
    baseUrl: "http://127.0.0.1:1/df",
    authUrl: "http://127.0.0.1:1/auth",
    clientId: "c",
    clientSecret: "s",
    sandbox: true,
  },
};

describe("the provider table", () => {
  const providers = createProviders(config);

  it("lists every provider with the capabilities its adapter declares", () => {
    expect(Object.keys(PROVIDER_FEATURES).sort()).toEqual([...PROVIDERS].sort());
    for (const adapter of providers.all()) {
      expect([...PROVIDER_FEATURES[adapter.name].capabilities].sort(), adapter.name).toEqual(
        [...adapter.capabilities].sort(),
      );
    }
  });

  it("names schema enum values that belong to one provider each", () => {
    const identities = PROVIDERS.map((p) => PROVIDER_FEATURES[p].driverIdentity);
    const sources = PROVIDERS.map((p) => PROVIDER_FEATURES[p].sessionSource);
    expect(Object.values(IdentityKind)).toEqual(expect.arrayContaining(identities));
    expect(new Set(identities).size).toBe(PROVIDERS.length);
    expect([...sources].sort()).toEqual(Object.values(SessionSource).sort());
  });
});
