// Test fixtures for bookings: a fleet with a dispatcher and drivers, sandbox-backed providers, and a
// reservable Petit Monde charge point near Berlin found through the sandbox API.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { providerConfig } from "@/lib/env";
import { createProviders } from "@/lib/providers/create-providers";
import { snapshotOf, type BookableEvse } from "../chargers";
import { bookingProvidersFrom, type BookingProviders } from "../providers";
import type { BookingRequest } from "../schemas";

export const BERLIN = { latitude: 52.52, longitude: 13.405 };

export function sandboxProviders(options: { timeoutMs?: number } = {}): BookingProviders {
  const providers = createProviders(providerConfig(), {
    timeoutMs: options.timeoutMs ?? 2_000,
    retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 200 },
  });
  return bookingProvidersFrom(providers);
}

export interface TestFleet {
  fleetId: string;
  fleetGroupId: string;
  dispatcherId: string;
  driverId: string;
  otherDriverId: string;
  managerId: string;
}

export async function createTestFleet(name = `Fleet ${randomUUID().slice(0, 6)}`): Promise<TestFleet> {
  const suffix = randomUUID().slice(0, 8);
  const org = await db.organization.create({ data: { name: `${name} org` } });
  const fleetGroupId = `group_${suffix}`;
  const fleet = await db.fleet.create({
    data: { organizationId: org.id, name, plugsurfingFleetId: `fleet-${suffix}`, petitMondeFleetGroupId: fleetGroupId },
  });
  const person = async (role: "DISPATCHER" | "DRIVER" | "MANAGER", label: string) => {
    const user = await db.user.create({
      data: { email: `${label}-${suffix}@test.fleet`, name: `${label} ${suffix}`, passwordHash: "x" },
    });
    await db.membership.create({ data: { userId: user.id, fleetId: fleet.id, role } });
    return user.id;
  };
  const dispatcherId = await person("DISPATCHER", "dispatcher");
  const driverId = await person("DRIVER", "driver");
  const otherDriverId = await person("DRIVER", "driver-two");
  const managerId = await person("MANAGER", "manager");
  await db.providerIdentity.create({
    data: { userId: driverId, kind: "PETITMONDE_CUSTOMER_ID", value: `cust_${suffix}` },
  });
  return { fleetId: fleet.id, fleetGroupId, dispatcherId, driverId, otherDriverId, managerId };
}

export interface TestWindow {
  start: Date;
  end: Date;
}

/** A window `leadMinutes` after the sandbox's now (which runs ahead of ours when time is accelerated). */
export async function testWindow({ leadMinutes = 60, hours = 2 } = {}): Promise<TestWindow> {
  const start = new Date((await sandboxNow()) + leadMinutes * 60_000);
  start.setUTCSeconds(0, 0);
  return { start, end: new Date(start.getTime() + hours * 60 * 60_000) };
}

/** Charge points near Berlin that the sandbox lists as reservable in `window` (open, free, RESERVABLE). */
export async function reservableEvsesNearBerlin(
  providers: BookingProviders,
  count: number,
  window: TestWindow,
): Promise<BookableEvse[]> {
  const locations = await providers.forProvider("PETITMONDE").search!({
    ...BERLIN,
    radiusM: 30_000,
    reservableOnly: true,
    window,
    limit: 300,
  });
  const evses = locations.flatMap((location) =>
    location.evses
      .filter((evse) => evse.capabilities.includes("RESERVABLE"))
      .map((evse) => ({
        locationId: location.id,
        evseUid: evse.uid,
        charger: snapshotOf(location, evse),
        distanceM: location.distanceM,
      })),
  );
  if (evses.length < count) throw new Error(`only ${evses.length} reservable EVSEs near Berlin in the sandbox`);
  return evses.slice(0, count);
}

/** A group-token booking request at `evse` for `window`. */
export function groupBookingRequest(evse: BookableEvse, window: TestWindow): BookingRequest {
  return {
    provider: "PETITMONDE",
    locationId: evse.locationId,
    evseUid: evse.evseUid,
    charger: evse.charger,
    windowStart: window.start.toISOString(),
    windowEnd: window.end.toISOString(),
    tokenStrategy: "GROUP_TOKEN",
  };
}

export function sandboxUrl(): string {
  return providerConfig().petitMonde.baseUrl.replace(/\/petitmonde\/api\/v1\/client$/, "");
}

export async function sandboxNow(): Promise<number> {
  const clock = (await (await fetch(`${sandboxUrl()}/_sandbox/clock`)).json()) as { nowMs: number };
  return Math.max(clock.nowMs, Date.now());
}

export async function sandboxAdmin(method: "PUT" | "POST" | "DELETE", path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandboxUrl()}/_sandbox${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path} → ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Every booking the sandbox holds under one external id (exactly-once means at most one). The sandbox counts
 * this request against Petit Monde's per-minute quota like any other, so a 429 is waited out, as the app would.
 */
export async function sandboxBookingsWithExternalId(
  externalId: string,
): Promise<Array<{ id: string; status: string }>> {
  const { petitMonde } = providerConfig();
  const url = `${petitMonde.baseUrl}/bookings?external_id=${encodeURIComponent(externalId)}&limit=100`;
  const giveUpAt = Date.now() + 40_000;
  for (;;) {
    const response = await fetch(url, { headers: { "X-API-Key": petitMonde.apiKey } });
    if (response.status === 429 && Date.now() < giveUpAt) {
      const waitSeconds = Number(response.headers.get("retry-after")) || 2;
      await new Promise((resolve) => setTimeout(resolve, Math.min(waitSeconds, 10) * 1000));
      continue;
    }
    if (!response.ok) throw new Error(`sandbox GET /bookings → ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { bookings: Array<{ id: string; status: string; external_id: string }> };
    return body.bookings.filter((b) => b.external_id === externalId);
  }
}
