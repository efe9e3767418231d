import { describe, expect, it } from "vitest";
import type { FleetCharger } from "../types";
import { DepotFinityAdapter } from ".";
import { clearDepotTokenCache } from "./client";
import { powerTypeOf, statusFromAvailability } from "./fleet-chargers";
import { fakeFetch, json, recordingSleep, type FakeHandler } from "../testing/fake-fetch";

const TEMPELHOF = { latitude: 52.4672, longitude: 13.3953 };

function charger(id: string, offsetDeg: number, connectors: FleetCharger["connectors"]): FleetCharger {
  return {
    chargerId: id,
    name: `Charger ${id}`,
    latitude: TEMPELHOF.latitude + offsetDeg,
    longitude: TEMPELHOF.longitude,
    connectors,
  };
}

const AC = [{ connectorId: "1", standard: "IEC_62196_T2", powerKw: 22 }] as const;
const DC = [{ connectorId: "1", standard: "IEC_62196_T2_COMBO", powerKw: 150 }] as const;

function adapter(handler: FakeHandler) {
  clearDepotTokenCache();
  const fake = fakeFetch((request, index) =>
    request.url.pathname.endsWith("/oauth2/token")
      ? json({ access_token: "tok-abcdef", expires_in: 3600, token_type: "bearer" })
      : handler(request, index),
  );
  const depot = new DepotFinityAdapter(
    {
      baseUrl: "http://127.0.0.1:1/df",
      authUrl: "http://127.0.0.1:1/auth/oauth2/token",
      clientId: "c",
      clientSecret: "s",
    },
    { fetch: fake.fetch, sleep: recordingSleep().sleep, random: () => 0.5, retry: { maxAttempts: 1 } },
  );
  return { depot, fake };
}

const available = () => json({ items: [{ timeStamp: "2026-12-01T08:00:00Z", status: "Available" }] });

describe("DepotFinity search over the fleet's configured chargers", () => {
  it("filters by radius, standard, power and current, nearest first, and never asks for a charger list", async () => {
    const { depot, fake } = adapter(available);
    const fleetChargers = [charger("FAR", 0.5, AC), charger("DC-1", 0.001, DC), charger("AC-1", 0.0005, AC)];
    const all = await depot.search({ ...TEMPELHOF, radiusM: 5_000, fleetChargers });
    expect(all.map((l) => l.id)).toEqual(["AC-1", "DC-1"]);
    expect(all[0]).toMatchObject({ provider: "DEPOTFINITY", supportsReservation: true, timeZone: "Europe/Berlin" });
    expect(all[1].evses[0].connectors[0]).toMatchObject({ id: "1", powerType: "DC", powerKw: 150 });
    expect(
      (await depot.search({ ...TEMPELHOF, radiusM: 5_000, fleetChargers, minPowerKw: 50 })).map((l) => l.id),
    ).toEqual(["DC-1"]);
    expect(
      (await depot.search({ ...TEMPELHOF, radiusM: 5_000, fleetChargers, powerType: "AC" })).map((l) => l.id),
    ).toEqual(["AC-1"]);
    expect(
      (
        await depot.search({ ...TEMPELHOF, radiusM: 5_000, fleetChargers, connectorStandards: ["IEC_62196_T2_COMBO"] })
      ).map((l) => l.id),
    ).toEqual(["DC-1"]);
    expect(fake.requests.some((r) => r.url.pathname.endsWith("/v1/chargers"))).toBe(false);
  });

  it("finds nothing, and calls nothing, without configured chargers", async () => {
    const { depot, fake } = adapter(available);
    expect(await depot.search({ ...TEMPELHOF, radiusM: 50_000 })).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it("adds live status where it answers; a failing charger stays UNKNOWN and the search still answers", async () => {
    const { depot } = adapter((request) =>
      request.url.pathname.includes("/chargers/BROKEN/")
        ? json({ errors: [{ status: "500", title: "Internal Server Error" }] }, 500)
        : available(),
    );
    const found = await depot.search({
      ...TEMPELHOF,
      radiusM: 5_000,
      fleetChargers: [charger("OK", 0.0001, AC), charger("BROKEN", 0.0002, AC)],
    });
    expect(found.map((l) => [l.id, l.evses[0].status])).toEqual([
      ["OK", "AVAILABLE"],
      ["BROKEN", "UNKNOWN"],
    ]);
    const free = await depot.search({
      ...TEMPELHOF,
      radiusM: 5_000,
      availableNow: true,
      fleetChargers: [charger("OK", 0.0001, AC), charger("BROKEN", 0.0002, AC)],
    });
    expect(free.map((l) => l.id)).toEqual(["OK"]);
  });

  it("asks for the status of at most twelve chargers per search, the nearest ones", async () => {
    const { depot, fake } = adapter(available);
    const many = Array.from({ length: 30 }, (_, i) => charger(`CH${String(i).padStart(2, "0")}`, i * 0.0001, AC));
    const found = await depot.search({ ...TEMPELHOF, radiusM: 10_000, fleetChargers: many });
    expect(found).toHaveLength(30);
    const asked = fake.requests.filter((r) => r.url.pathname.endsWith("/availabilityStatus"));
    expect(asked).toHaveLength(12);
    expect(found.slice(0, 12).every((l) => l.evses[0].status === "AVAILABLE")).toBe(true);
    expect(found.slice(12).every((l) => l.evses[0].status === "UNKNOWN")).toBe(true);
  });

  it("offers no import once the charger list answers 404", async () => {
    const { depot } = adapter(() => json({ errors: [{ status: "404", title: "Not Found" }] }, 404));
    expect(await depot.chargerList()).toBeNull();
    expect(depot.chargerListAvailable).toBe(false);
  });
});

describe("statusFromAvailability / powerTypeOf", () => {
  it("maps DepotFinity's connector statuses to one EVSE status", () => {
    expect(statusFromAvailability([])).toBe("UNKNOWN");
    expect(statusFromAvailability([{ status: "Faulted" }, { status: "Available" }])).toBe("AVAILABLE");
    expect(statusFromAvailability([{ status: "Faulted" }, { status: "Faulted" }])).toBe("OUTOFORDER");
    expect(statusFromAvailability([{ status: "Unavailable" }, { status: "Faulted" }])).toBe("INOPERATIVE");
    expect(statusFromAvailability([{ status: "Preparing" }])).toBe("UNKNOWN");
  });

  it("tells DC from AC by the plug, or by power above what AC can carry", () => {
    expect(powerTypeOf({ standard: "IEC_62196_T2_COMBO", powerKw: 50 })).toBe("DC");
    expect(powerTypeOf({ standard: "IEC_62196_T2", powerKw: 22 })).toBe("AC_3_PHASE");
    expect(powerTypeOf({ standard: "TESLA_S", powerKw: 120 })).toBe("DC");
  });
});
