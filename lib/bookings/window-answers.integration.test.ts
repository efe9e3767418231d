// The server's check of a charge point picked in the wizard reuses the wizard's window answer: no second search
// for the same fleet, provider and window within minutes; another fleet, another window or an old answer search.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { BookableEvse } from "./chargers";
import { appChargerLookup, searchBookableChargers } from "./chargers";
import { defaultBookingProviders, type BookingProviders } from "./providers";
import type { BookingRequest } from "./schemas";
import { BERLIN, createTestFleet, type TestFleet } from "./testing/fixtures";
import { withProviderFacts } from "./verify-charger";
import { WINDOW_ANSWER_TTL_MS } from "./window-answers";

/** The app's booking ports, counting the searches they send to the provider. */
function countingProviders(): BookingProviders & { searches: number } {
  const inner = defaultBookingProviders();
  const counting = {
    searches: 0,
    forProvider(name: Parameters<BookingProviders["forProvider"]>[0]) {
      const adapter = inner.forProvider(name);
      return new Proxy(adapter, {
        get(target, property) {
          if (property === "search" && target.search) {
            return async (...args: Parameters<NonNullable<typeof target.search>>) => {
              counting.searches++;
              return target.search!(...args);
            };
          }
          const value: unknown = Reflect.get(target, property);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    },
  };
  return counting;
}

let fleet: TestFleet;
let otherFleet: TestFleet;
const start = new Date(Date.now() + 27 * 60 * 60_000);
const end = new Date(start.getTime() + 60 * 60_000);

beforeAll(async () => {
  fleet = await createTestFleet("Window answers");
  otherFleet = await createTestFleet("Window answers, other");
});

function requestFor(evse: BookableEvse, window = { start, end }): BookingRequest {
  return {
    provider: "PETITMONDE",
    locationId: evse.locationId,
    evseUid: evse.evseUid,
    // What the browser claims about the charger: the check replaces it.
    charger: { ...evse.charger, name: "Injected name", estimateMinor: 1 },
    windowStart: window.start.toISOString(),
    windowEnd: window.end.toISOString(),
    tokenStrategy: "GROUP_TOKEN",
  };
}

async function wizardSearch(providers: BookingProviders, fleetId: string) {
  const locations = await searchBookableChargers(providers, {
    fleetId,
    provider: "PETITMONDE",
    ...BERLIN,
    radiusKm: 5,
    window: { start, end },
  });
  return locations.flatMap((l) => l.evses).find((e) => e.charger.reservable)!;
}

describe("window answers", () => {
  it("checks a charge point from the fleet's own window search without asking the provider again", async () => {
    const providers = countingProviders();
    const evse = await wizardSearch(providers, fleet.fleetId);
    expect(providers.searches).toBe(1);

    const verified = await withProviderFacts(providers, fleet.fleetId, requestFor(evse));
    expect(providers.searches).toBe(1);
    expect(verified.charger.name).toBe(evse.charger.name);
    expect(verified.charger.name).not.toBe("Injected name");
    expect(verified.charger.estimateMinor).toBe(evse.charger.estimateMinor);
  });

  it("asks the provider for another fleet, another window, or once the answer is old", async () => {
    const providers = countingProviders();
    const evse = await wizardSearch(providers, fleet.fleetId);
    const searched = () => providers.searches;
    let before = searched();

    // Another fleet never sees this fleet's answers.
    await withProviderFacts(providers, otherFleet.fleetId, requestFor(evse));
    expect(searched()).toBeGreaterThan(before);

    // Another window of the same fleet: the kept answer said nothing about it.
    before = searched();
    const later = { start: new Date(end.getTime() + 3_600_000), end: new Date(end.getTime() + 7_200_000) };
    await withProviderFacts(providers, fleet.fleetId, requestFor(evse, later)).catch(() => undefined);
    expect(searched()).toBeGreaterThan(before);

    // The same question after the answer's lifetime.
    await db.providerWindowAnswer.updateMany({
      where: { fleetId: fleet.fleetId },
      data: { fetchedAt: new Date(Date.now() - WINDOW_ANSWER_TTL_MS - 1_000) },
    });
    before = searched();
    await withProviderFacts(providers, fleet.fleetId, requestFor(evse));
    expect(searched()).toBeGreaterThan(before);
  });

  it("keeps nothing for a search without a window or without a fleet", async () => {
    const before = await db.providerWindowAnswer.count();
    await searchBookableChargers(defaultBookingProviders(), {
      fleetId: fleet.fleetId,
      provider: "PETITMONDE",
      ...BERLIN,
      radiusKm: 5,
    });
    await searchBookableChargers(
      defaultBookingProviders(),
      { fleetId: undefined, provider: "PETITMONDE", ...BERLIN, radiusKm: 5, window: { start, end } },
      appChargerLookup(),
    );
    expect(await db.providerWindowAnswer.count()).toBe(before);
  });
});
