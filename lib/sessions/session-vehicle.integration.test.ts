// Which vehicle a session is for, decided as it is written (the sync's upsert, which every writer uses): its
// booking's vehicle, else the fleet's vehicle with its key (in service before retired), else the one with its
// booking's Petit Monde token; never another fleet's; a later write that tells nothing keeps what was found.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { toSessionRecord } from "@/lib/providers/petitmonde/transform";
import type { SessionRow } from "./session-row";
import { syncSessionSource, type SessionSourceAdapter } from "./sync";
import { upsertSessions } from "./upsert-sessions";

const RUN = Math.random().toString(36).slice(2, 8);
let fleetId = "";
let otherFleetId = "";
let userId = "";
let keyId = "";
let otherKeyId = "";
const vans: Record<string, string> = {};

const van = (fleet: string, plate: string, extra: { chargingKeyId?: string; petitMondeTokenId?: string } = {}) =>
  db.vehicle.create({
    data: {
      fleetId: fleet,
      plate,
      plateKey: plate.replace(/\W/g, ""),
      batteryKwh: 60,
      connectorStandards: ["IEC_62196_T2"],
      ...extra,
    },
  });

function booking(fleet: string, externalId: string, extra: { vehicleId?: string; tokenId?: string } = {}) {
  return db.booking.create({
    data: {
      fleetId: fleet,
      provider: "PETITMONDE",
      providerBookingId: externalId,
      externalId,
      status: "CONFIRMED",
      locationId: "loc",
      evseUid: "evse",
      locationSnapshot: {},
      windowStart: new Date("2026-03-02T09:00:00Z"),
      windowEnd: new Date("2026-03-02T10:00:00Z"),
      tokenStrategy: "DRIVER_TOKEN",
      createdById: userId,
      ...extra,
    },
  });
}

function row(id: string, owner: Partial<Pick<SessionRow, "fleetId" | "chargingKeyId" | "bookingId">>): SessionRow {
  return {
    source: "PLUGSURFING_SESSION",
    providerSessionId: `${RUN}-${id}`,
    fleetId: null,
    driverId: null,
    chargingKeyId: null,
    bookingId: null,
    status: "COMPLETE",
    balanceStatus: null,
    startTime: new Date("2026-03-02T09:10:00Z"),
    endTime: null,
    durationSeconds: null,
    energyWh: 10_000,
    priceExclVatMinor: null,
    priceInclVatMinor: null,
    vatRateBasisPoints: null,
    currency: null,
    paymentMethod: null,
    receiptAvailable: false,
    evseId: null,
    connectorId: null,
    chargerName: null,
    site: null,
    operatorName: null,
    country: null,
    ...owner,
  };
}

const vehicleOf = async (id: string) =>
  (
    await db.chargingSession.findUniqueOrThrow({
      where: { source_providerSessionId: { source: "PLUGSURFING_SESSION", providerSessionId: `${RUN}-${id}` } },
    })
  ).vehicleId;

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: `Session vehicle org ${RUN}` } });
  const fleet = (name: string) =>
    db.fleet.create({ data: { organizationId: org.id, name, plugsurfingFleetId: `sv-${name}-${RUN}` } });
  fleetId = (await fleet("a")).id;
  otherFleetId = (await fleet("b")).id;
  userId = (await db.user.create({ data: { email: `sv-${RUN}@test.local`, name: "Dispatcher", passwordHash: "x" } }))
    .id;
  const key = (id: string, fleet: string) =>
    db.chargingKey.create({
      data: { provider: "PLUGSURFING", keyId: id, fleetId: fleet, type: "RFID_CARD", source: "EMP" },
    });
  keyId = (await key(`K1-${RUN}`, fleetId)).id;
  otherKeyId = (await key(`K2-${RUN}`, otherFleetId)).id;
  vans.retired = (await van(fleetId, "B-OLD 1", { chargingKeyId: keyId })).id;
  await db.vehicle.update({ where: { id: vans.retired }, data: { retiredAt: new Date("2026-01-01T00:00:00Z") } });
  vans.keyed = (await van(fleetId, "B-KEY 2", { chargingKeyId: keyId })).id;
  vans.booked = (await van(fleetId, "B-BOOK 3")).id;
  vans.token = (await van(fleetId, "B-TOK 4", { petitMondeTokenId: `TOKEN-${RUN}` })).id;
  // Another fleet's van with this fleet's key would never be this fleet's.
  vans.elsewhere = (await van(otherFleetId, "HH-ELSE 5", { chargingKeyId: otherKeyId })).id;
});

describe("the vehicle of a session", () => {
  it("is its booking's vehicle first, then the in-service vehicle with its key; none without a clue", async () => {
    const booked = await booking(fleetId, `ext-book-${RUN}`, { vehicleId: vans.booked });
    await upsertSessions(db, [
      row("booked", { fleetId, bookingId: booked.id, chargingKeyId: keyId }),
      row("keyed", { fleetId, chargingKeyId: keyId }),
      row("nothing", { fleetId }),
      row("no-fleet", { chargingKeyId: keyId }),
      // The other fleet's key on a session of this fleet: no vehicle of this fleet has it.
      row("foreign-key", { fleetId, chargingKeyId: otherKeyId }),
    ]);
    expect(await vehicleOf("booked")).toBe(vans.booked);
    expect(await vehicleOf("keyed")).toBe(vans.keyed);
    expect(await vehicleOf("nothing")).toBeNull();
    expect(await vehicleOf("no-fleet")).toBeNull();
    expect(await vehicleOf("foreign-key")).toBeNull();
  });

  it("is never a vehicle of another fleet than the session's booking", async () => {
    const foreign = await booking(otherFleetId, `ext-foreign-${RUN}`, { vehicleId: vans.elsewhere });
    await upsertSessions(db, [row("foreign-booking", { fleetId, bookingId: foreign.id })]);
    expect(await vehicleOf("foreign-booking")).toBeNull();
  });

  it("is kept when a later pull of the session tells nothing about it", async () => {
    await upsertSessions(db, [row("kept", { fleetId, chargingKeyId: keyId })]);
    expect(await vehicleOf("kept")).toBe(vans.keyed);
    await upsertSessions(db, [{ ...row("kept", {}), energyWh: 12_000 }]);
    expect(await vehicleOf("kept")).toBe(vans.keyed);
  });

  it("is the vehicle a key is given to later, for the key's stored sessions that had none", async () => {
    const { addVehicle } = await import("@/lib/vehicles/vehicles");
    const lateKey = await db.chargingKey.create({
      data: { provider: "PLUGSURFING", keyId: `K3-${RUN}`, fleetId, type: "RFID_CARD", source: "EMP" },
    });
    const booked = await booking(fleetId, `ext-late-${RUN}`, { vehicleId: vans.booked });
    await upsertSessions(db, [
      row("late-1", { fleetId, chargingKeyId: lateKey.id }),
      row("late-booked", { fleetId, chargingKeyId: lateKey.id, bookingId: booked.id }),
    ]);
    expect(await vehicleOf("late-1")).toBeNull();
    const late = await addVehicle(
      fleetId,
      {
        plate: "B-LATE 6",
        name: undefined,
        make: undefined,
        model: undefined,
        batteryKwh: 60,
        connectorStandards: ["IEC_62196_T2"],
        maxAcKw: undefined,
        maxDcKw: undefined,
        homeDepotId: undefined,
        defaultDriverId: undefined,
        chargingKeyId: lateKey.id,
        petitMondeTokenId: undefined,
      },
      { actorId: userId, ip: null },
    );
    expect(await vehicleOf("late-1")).toBe(late.id);
    // A session credited to its booking's vehicle keeps it.
    expect(await vehicleOf("late-booked")).toBe(vans.booked);
  });

  it("of a Petit Monde booking's session, recorded by the sync, is the vehicle with the booking's token", async () => {
    const tokenBooking = await booking(fleetId, `pm-token-${RUN}`, { tokenId: `TOKEN-${RUN}` });
    const source: SessionSourceAdapter = {
      name: "PETITMONDE",
      sessionScope: "account",
      completedSessions: async () => ({
        sessions: [
          toSessionRecord({
            provider: "PETITMONDE",
            id: `pm-token-${RUN}`,
            externalId: `pm-token-${RUN}`,
            status: "COMPLETED",
            price: { amountMinor: 1875, currency: "EUR" },
            windowStart: "2026-03-02T09:00:00Z",
            windowEnd: "2026-03-02T10:00:00Z",
          })!,
        ],
      }),
    };
    await syncSessionSource(db, source);
    const stored = await db.chargingSession.findFirstOrThrow({ where: { bookingId: tokenBooking.id } });
    expect(stored.vehicleId).toBe(vans.token);
  });
});
