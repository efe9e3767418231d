import { describe, expect, expectTypeOf, it } from "vitest";
import { createProviders } from "./create-providers";
import { DepotFinityAdapter } from "./depotfinity";
import { PetitMondeAdapter } from "./petitmonde";
import { PlugsurfingAdapter } from "./plugsurfing";
import type { BookingsCapable, SearchCapable } from "./types";

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

describe("createProviders", () => {
  const providers = createProviders(config);

  it("builds one adapter per provider, typed by name", () => {
    expect(providers.get("PLUGSURFING")).toBeInstanceOf(PlugsurfingAdapter);
    expect(providers.get("PETITMONDE")).toBeInstanceOf(PetitMondeAdapter);
    expect(providers.get("DEPOTFINITY")).toBeInstanceOf(DepotFinityAdapter);
    expectTypeOf(providers.get("PETITMONDE")).toEqualTypeOf<PetitMondeAdapter>();
    expect(providers.all().map((a) => a.name)).toEqual(["PLUGSURFING", "PETITMONDE", "DEPOTFINITY"]);
  });

  it("selects providers by declared capability, typed with that capability", () => {
    expect(providers.with("search").map((a) => a.name)).toEqual(["PLUGSURFING", "PETITMONDE", "DEPOTFINITY"]);
    expect(providers.with("bookings").map((a) => a.name)).toEqual(["PETITMONDE", "DEPOTFINITY"]);
    expect(providers.with("invitationCodes").map((a) => a.name)).toEqual(["PLUGSURFING"]);
    expectTypeOf(providers.with("bookings")).toEqualTypeOf<Array<PetitMondeAdapter | DepotFinityAdapter>>();
    expectTypeOf(providers.with("search")[0]).toMatchTypeOf<SearchCapable>();
    expectTypeOf(providers.with("bookings")[0]).toMatchTypeOf<BookingsCapable>();
  });

  it("declares only capabilities whose methods exist at run time too", () => {
    const methods: Record<string, string[]> = {
      search: ["search"],
      chargerList: ["chargerList"],
      bookings: ["book", "investigate", "cancel", "release", "refresh"],
      remoteStartStop: ["ensureDriver", "startSession", "stopSession", "getSession", "liveSession"],
      sessionHistory: ["sessionHistory"],
      sessionSource: ["completedSessions"],
      fleetPricing: ["fleetPrice"],
      keys: ["listUserKeys", "listFleetKeys", "createFleetKey", "setKeyEnabled"],
      fleetKeys: ["listKeys", "createKey", "setKeyEnabled"],
      fleets: ["createFleet", "renameFleet"],
      invitationCodes: ["listInvitationCodes"],
    };
    for (const adapter of providers.all()) {
      for (const capability of adapter.capabilities) {
        for (const method of methods[capability])
          expect(typeof (adapter as unknown as Record<string, unknown>)[method]).toBe("function");
      }
    }
  });
});
