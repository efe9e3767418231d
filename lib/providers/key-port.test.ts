// The key port is found by capability: Plugsurfing EMP keys and DepotFinity tags have one, Petit Monde none.
import { describe, expect, it } from "vitest";
import { failureWords, toFailure } from "@/lib/actions/errors";
import { createProviders } from "./create-providers";
import { findKeyPortOf, keyPortOf, keyPortsOf } from "./key-port";

const providers = createProviders({
  plugsurfing: { baseUrl: "http://127.0.0.1:1/ps", apiKey: "k1", sandbox: true },
  petitMonde: { baseUrl: "http://127.0.0.1:1/pm", apiKey: "k2", sandbox: true },
  depot: {
    baseUrl: "http://127.0.0.1:1/df",
    authUrl: "http://127.0.0.1:1/a",
    clientId: "c",
    clientSecret: "s",
    sandbox: true,
  },
});

describe("key ports", () => {
  it("lists the providers whose fleet keys can be created and switched", () => {
    expect(keyPortsOf(providers).map((p) => p.name)).toEqual(["PLUGSURFING", "DEPOTFINITY"]);
    for (const port of keyPortsOf(providers)) {
      expect(typeof port.listKeys).toBe("function");
      expect(typeof port.createKey).toBe("function");
      expect(typeof port.setKeyEnabled).toBe("function");
    }
  });

  it("answers a domain error in plain words for a provider with nothing to switch", () => {
    expect(findKeyPortOf(providers, "PETITMONDE")).toBeUndefined();
    expect(() => keyPortOf(providers, "PETITMONDE")).toThrow(
      expect.objectContaining({ name: "DomainError", code: "CONFLICT" }),
    );
    const refusal = (() => {
      try {
        return keyPortOf(providers, "PETITMONDE");
      } catch (error) {
        return error;
      }
    })();
    expect(toFailure(refusal, "test").message).toBe(
      "Petit Monde keys belong to the driver's own account: there is nothing the dashboard can switch.",
    );
    expect(toFailure(refusal, "test", failureWords("de")).message).toBe(
      "Ladekarten von Petit Monde gehören zum eigenen Konto des Fahrers: Das Dashboard kann hier nichts schalten.",
    );
    expect(keyPortOf(providers, "DEPOTFINITY").name).toBe("DEPOTFINITY");
  });
});
