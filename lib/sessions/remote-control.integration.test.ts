// Remote start, live view and stop through the remote-control port, against the sandbox and a throwaway PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureWords, toFailure } from "@/lib/actions/errors";
import { db } from "@/lib/db";
import { PROVIDER_FEATURES } from "@/lib/domain";
import { isDomainError } from "@/lib/errors";
import { remoteControl, refreshLiveSession, startRemoteSession, stopRemoteSession } from "./remote-control";

let fleetId: string;
let driverId: string;
let driverWithoutUser: string;
let connectorId: string;
let otherConnectorId: string;
let bookedConnectorId: string;
let otherFleetId: string;

beforeAll(async () => {
  const control = remoteControl();
  if (!control) throw new Error("no provider with remote start");
  const org = await db.organization.create({ data: { name: "Remote org" } });
  fleetId = (
    await db.fleet.create({
      data: { organizationId: org.id, name: "Remote fleet", plugsurfingFleetId: "remote-fleet" },
    })
  ).id;
  for (const [name, withUser] of [
    ["Remote Driver", true],
    ["No User", false],
  ] as const) {
    const user = await db.user.create({
      data: { email: `${name.replace(" ", "-").toLowerCase()}@test.local`, name, passwordHash: "x" },
    });
    await db.membership.create({ data: { userId: user.id, fleetId, role: "DRIVER" } });
    if (withUser) {
      await db.providerIdentity.create({
        data: { userId: user.id, kind: PROVIDER_FEATURES[control.name].driverIdentity, value: `remote-${Date.now()}` },
      });
      driverId = user.id;
    } else driverWithoutUser = user.id;
  }
  // Hamburg, and a random free charge point there: other files start sessions in Berlin, and a connector
  // refuses a second start within 60 s.
  const startable = (await control.search({ latitude: 53.55, longitude: 9.99, radiusM: 20_000, limit: 100 }))
    .flatMap((l) => l.evses)
    .filter((e) => e.status === "AVAILABLE" && e.capabilities.includes("REMOTE_START_STOP_CAPABLE"));
  const pick = Math.floor(Math.random() * (startable.length - 2));
  connectorId = startable[pick].connectors[0].id;
  otherConnectorId = startable[pick + 1].connectors[0].id;
  bookedConnectorId = startable[pick + 2].connectors[0].id;
  otherFleetId = (
    await db.fleet.create({ data: { organizationId: org.id, name: "Other fleet", plugsurfingFleetId: "remote-other" } })
  ).id;
});

// The facade's rate limiter holds a pool on this file's database, which is dropped after the file.
afterAll(async () => {
  const pools = globalThis as unknown as { pgPool?: { end(): Promise<void> } };
  await pools.pgPool?.end();
  delete pools.pgPool;
});

describe("remote control", () => {
  it("starts a session for a driver with a user at the provider, stores it at once, follows and stops it", async () => {
    const outcome = await startRemoteSession({ fleetId, driverId, connectorId, chargerName: "Sandbox charger" });
    expect(outcome.kind).toBe("started");
    const sessionId = outcome.kind === "started" ? outcome.sessionId : "";
    const stored = await db.chargingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(stored).toMatchObject({ fleetId, driverId, connectorId, chargerName: "Sandbox charger" });

    const live = await refreshLiveSession(fleetId, sessionId);
    expect(live.driverId).toBe(driverId);
    expect(live.chargerName).toBeTruthy();
    const stopped = await stopRemoteSession(fleetId, sessionId);
    expect(stopped.id).toBe(sessionId);
  });

  it("refuses a second start on the connector within the provider's guard time", async () => {
    const error = await startRemoteSession({ fleetId, driverId, connectorId }).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe("CONFLICT");
  });

  it("judges the restart guard by this fleet's starts only: another fleet's start is not revealed", async () => {
    const control = remoteControl()!;
    await db.chargingSession.create({
      data: {
        source: PROVIDER_FEATURES[control.name].sessionSource,
        providerSessionId: `other-${Date.now()}`,
        fleetId: otherFleetId,
        status: "STARTED",
        startTime: new Date(),
        connectorId: otherConnectorId,
      },
    });
    const outcome = await startRemoteSession({ fleetId, driverId, connectorId: otherConnectorId });
    expect(outcome.kind).toBe("started");
  });

  it("keeps a session started for one of the fleet's bookings with it, and refuses another fleet's booking", async () => {
    const booking = (fleet: string, externalId: string) =>
      db.booking.create({
        data: {
          fleetId: fleet,
          provider: "PLUGSURFING",
          externalId,
          status: "CONFIRMED",
          locationId: "loc",
          evseUid: "evse",
          locationSnapshot: {},
          windowStart: new Date(),
          windowEnd: new Date(Date.now() + 3_600_000),
          tokenStrategy: "DRIVER_TOKEN",
          createdById: driverId,
          priceMinor: 585,
          currency: "EUR",
        },
      });
    const theirs = await booking(otherFleetId, `remote-theirs-${Date.now()}`);
    const refused = await startRemoteSession({ fleetId, driverId, connectorId, bookingId: theirs.id }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(refused) && refused.code).toBe("NOT_FOUND");

    const ours = await booking(fleetId, `remote-ours-${Date.now()}`);
    const outcome = await startRemoteSession({ fleetId, driverId, connectorId: bookedConnectorId, bookingId: ours.id });
    const sessionId = outcome.kind === "started" ? outcome.sessionId : "";
    const stored = await db.chargingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(stored.bookingId).toBe(ours.id);
    await stopRemoteSession(fleetId, sessionId);
  });

  it("refuses a driver the provider does not know, and one outside the fleet", async () => {
    const noUser = await startRemoteSession({ fleetId, driverId: driverWithoutUser, connectorId }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(noUser) && noUser.code).toBe("VALIDATION");
    const stranger = await startRemoteSession({ fleetId, driverId: "someone-else", connectorId }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(stranger) && stranger.code).toBe("VALIDATION");
  });

  it("refuses a start where the charger says it is in use, before the provider is asked", async () => {
    const control = remoteControl()!;
    const busy = (await control.search({ latitude: 53.55, longitude: 9.99, radiusM: 20_000, limit: 100 }))
      .flatMap((location) => location.evses.map((evse) => ({ location, evse })))
      .find(({ evse }) => evse.status === "CHARGING" && evse.capabilities.includes("REMOTE_START_STOP_CAPABLE"));
    expect(busy, "a charge point in use in Hamburg").toBeTruthy();
    const before = await db.chargingSession.count({ where: { fleetId } });
    const error = await startRemoteSession({
      fleetId,
      driverId,
      connectorId: busy!.evse.connectors[0].id,
      locationId: busy!.location.id,
    }).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe("CONFLICT");
    expect(toFailure(error, "test")).toMatchObject({
      message: "Not started. In use — start is offered when it is free. Choose another connector.",
      fieldErrors: { connectorId: ["In use — start is offered when it is free."] },
    });
    expect(toFailure(error, "test", failureWords("de")).message).toBe(
      "Nicht gestartet. Belegt – der Start wird angeboten, sobald der Ladepunkt frei ist. Wählen Sie einen anderen Anschluss.",
    );
    expect(await db.chargingSession.count({ where: { fleetId } })).toBe(before);
  });

  it("finds no remote control for a provider without the capability", () => {
    expect(remoteControl("PETITMONDE")).toBeNull();
  });
});
