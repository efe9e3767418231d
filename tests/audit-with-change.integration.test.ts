// Every mutation writes its audit entry in the transaction of its change. With the audit table refusing every
// insert (a BEFORE INSERT trigger), each registered mutation is called as a member allowed to: it must try to
// write its entry, answer in plain words without throwing, and leave its change undone. A mutation registered
// later without a case here fails the coverage test.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { DepotChargerValues } from "@/lib/depot-chargers/schemas";
import type { VehicleValues } from "@/lib/vehicles/schemas";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-fleet-peer-address": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { db } = await import("@/lib/db");
const { writeAudit } = await import("@/lib/audit");
const { ENDPOINTS } = await import("@/lib/actions/registry");
const { providerConfig } = await import("@/lib/env");
const { createProviders } = await import("@/lib/providers");
const { PROVIDER_FEATURES } = await import("@/lib/domain");
const { hashPassword } = await import("@/lib/auth/password");
const { stopQueue } = await import("@/lib/jobs/queue");
const { log } = await import("@/lib/observability/log");
const { createBooking, storeBooking } = await import("@/lib/bookings/create-booking");
const { groupBookingRequest, reservableEvsesNearBerlin, sandboxProviders, testWindow } =
  await import("@/lib/bookings/testing/fixtures");
const { addDepotCharger } = await import("@/lib/depot-chargers/depot-chargers");
const { addVehicle } = await import("@/lib/vehicles/vehicles");
const { issueInvitationCode } = await import("@/lib/invitations/invitation-codes");
const { hashInvitationToken } = await import("@/lib/fleets/invitations");
const { createFleetKey } = await import("@/lib/keys/manage-keys");
const { remoteControl, startRemoteSession } = await import("@/lib/sessions/remote-control");
const { raiseAlert } = await import("@/lib/alerts/raise-alert");

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
type Action = (raw: unknown) => Promise<Answer>;

const actionModules = import.meta.glob<Record<string, unknown>>(["/lib/actions/*.ts", "!/lib/actions/*.test.ts"], {
  eager: true,
});
const actions = new Map<string, Action>();
for (const mod of Object.values(actionModules))
  for (const value of Object.values(mod)) {
    const name = (value as { endpointName?: string }).endpointName;
    if (typeof value === "function" && name) actions.set(name, value as Action);
  }

/** The trigger's words, and a counter it bumps before refusing (a sequence survives the rollback). */
const REFUSAL = "audit entry refused by the audit-with-change test";
const installTrigger = [
  `CREATE SEQUENCE "audit_refusals"`,
  `CREATE FUNCTION "refuse_audit_entries"() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN PERFORM nextval('audit_refusals'); RAISE EXCEPTION '${REFUSAL}'; END $$`,
  `CREATE TRIGGER "AuditLog_refuse_inserts" BEFORE INSERT ON "AuditLog"
     FOR EACH ROW EXECUTE FUNCTION "refuse_audit_entries"()`,
];
const dropTrigger = [
  `DROP TRIGGER IF EXISTS "AuditLog_refuse_inserts" ON "AuditLog"`,
  `DROP FUNCTION IF EXISTS "refuse_audit_entries"()`,
  `DROP SEQUENCE IF EXISTS "audit_refusals"`,
];

async function refusals(): Promise<number> {
  const [row] = await db.$queryRawUnsafe<Array<{ n: bigint }>>(
    `SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM "audit_refusals"`,
  );
  return Number(row.n);
}

/**
 * How a mutation answers when its entry cannot be written: "failure" (nothing changed, a plain refusal), or
 * "syncing" for a change settled through lib/provider-sync — the provider has it, and ours, with its entry,
 * follows only once the database accepts both (until then the answer says Syncing and nothing changed here),
 * or "per-booking" for a bulk action, which answers for each booking: each one a plain internal failure.
 */
type Expected = "failure" | "syncing" | "per-booking";

interface Prepared {
  /** Who calls: a signed-in user, or nobody (the public sign-up). */
  as: CurrentUser | null;
  input: unknown;
  /** Fails unless the change it names did not happen; absent only where the case says why. */
  unchanged?(): Promise<void>;
  expected?: Expected;
}

/** Runs before the trigger is installed: what the mutation will act on. */
type Case = () => Promise<Prepared>;

const RUN = Math.random().toString(36).slice(2, 8);
const hex = () => Array.from({ length: 14 }, () => "0123456789ABCDEF"[Math.floor(Math.random() * 16)]).join("");
const testProviders = createProviders(providerConfig(), { timeoutMs: 2_000, retry: { maxAttempts: 1 } });
const plugsurfing = testProviders.get("PLUGSURFING");

let fleetId = "";
let otherFleetId = "";
let fleetGroupId = "";
let admin: CurrentUser;
let driverId = "";

async function person(label: string, role?: "ADMIN" | "DISPATCHER" | "MANAGER" | "DRIVER", password = "x") {
  const user = await db.user.create({
    data: { email: `${label}-${RUN}@audit.test`, name: `${label} ${RUN}`, passwordHash: password },
  });
  if (role) await db.membership.create({ data: { userId: user.id, fleetId, role } });
  return user;
}

const OLD_PASSWORD = "old-password-for-audit";

/** A pending invitation by email to the fleet, stored as inviteByEmail stores it; `token` is its link's secret. */
async function invitation(email: string, token = hex()) {
  return db.fleetInvitation.create({
    data: { fleetId, email, role: "DRIVER", invitedById: admin.id, tokenHash: hashInvitationToken(token) },
  });
}

/** A booking request at a free charge point near Berlin, in a window of its own (a day and more ahead). */
let requests: Array<ReturnType<typeof groupBookingRequest>> = [];

async function storedBooking(index: number, status?: "FAILED" | "OUTCOME_UNKNOWN") {
  const booking = await storeBooking({ fleetId, createdById: admin.id, request: requests[index] });
  if (status) await db.booking.update({ where: { id: booking.id }, data: { status } });
  return booking;
}

const CASES: Record<string, Case> = {
  "account.set-language": async () => ({
    as: admin,
    input: { locale: "de" },
    async unchanged() {
      expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).locale).toBeNull();
    },
  }),
  "account.set-time-zone": async () => ({
    as: admin,
    input: { timeZone: "Asia/Tokyo" },
    async unchanged() {
      expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).timeZone).toBeNull();
    },
  }),
  "account.change-password": async () => {
    const before = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    return {
      as: admin,
      input: { currentPassword: OLD_PASSWORD, newPassword: "a-new-password-2026" },
      async unchanged() {
        const after = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
        expect(after.passwordHash).toBe(before.passwordHash);
        expect(after.sessionVersion).toBe(before.sessionVersion);
      },
    };
  },

  // A provider call, then the write that records its answer: that write, with the entry, does not happen,
  // and the booking stays as it was stored before the call (SUBMITTING, for the reconciler to look up).
  "bookings.create": async () => {
    const { charger, ...request } = requests[0];
    return {
      as: admin,
      input: { fleetId, ...request, charger },
      async unchanged() {
        const [booking, ...more] = await db.booking.findMany({
          where: { fleetId, evseUid: request.evseUid, windowStart: new Date(request.windowStart) },
          include: { events: true },
        });
        expect(more).toEqual([]);
        expect(booking).toMatchObject({ status: "SUBMITTING", providerBookingId: null });
        expect(booking.events.map((e) => e.status)).toEqual(["SUBMITTING"]);
      },
    };
  },

  "bookings.retry": async () => {
    const failed = await storedBooking(1, "FAILED");
    return {
      as: admin,
      input: { fleetId, bookingId: failed.id },
      async unchanged() {
        expect((await db.booking.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("FAILED");
        const retried = await db.booking.findMany({
          where: { fleetId, evseUid: failed.evseUid, NOT: { id: failed.id } },
        });
        expect(retried.map((b) => [b.status, b.providerBookingId])).toEqual([["SUBMITTING", null]]);
      },
    };
  },

  "bookings.cancel": async () => {
    const { bookingId } = await createBooking(
      { fleetId, createdById: admin.id, request: requests[2] },
      sandboxProviders(),
    );
    const before = await db.booking.findUniqueOrThrow({ where: { id: bookingId } });
    expect(before.providerBookingId, "booked at the provider before the test").toBeTruthy();
    return {
      as: admin,
      input: { fleetId, bookingId, acceptFee: true },
      async unchanged() {
        const after = await db.booking.findUniqueOrThrow({ where: { id: bookingId } });
        expect([after.status, after.feeMinor]).toEqual([before.status, before.feeMinor]);
      },
    };
  },

  "bookings.resolve-unknown": async () => {
    const unknown = await storedBooking(3, "OUTCOME_UNKNOWN");
    return {
      as: admin,
      input: { fleetId, bookingId: unknown.id, choice: "keep" },
      async unchanged() {
        expect((await db.booking.findUniqueOrThrow({ where: { id: unknown.id } })).status).toBe("OUTCOME_UNKNOWN");
      },
    };
  },

  "bookings.assign": async () => {
    const booking = await storedBooking(4);
    return {
      as: admin,
      input: { fleetId, bookingId: booking.id, driverId },
      async unchanged() {
        expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).assignedDriverId).toBeNull();
      },
    };
  },

  "bookings.reassign": async () => {
    const booking = await storedBooking(4);
    const standard = requests[4].charger.connectorStandard;
    const van = await addVehicle(
      fleetId,
      { ...vehicle("AUD-V-MOVE"), connectorStandards: standard ? [standard] : ["IEC_62196_T2"] },
      { actorId: admin.id, ip: null },
    );
    return {
      as: admin,
      input: { fleetId, bookingId: booking.id, vehicleId: van.id, driverId },
      async unchanged() {
        const after = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
        expect([after.vehicleId, after.assignedDriverId]).toEqual([null, null]);
      },
    };
  },

  // The bulk actions of the bookings list: each booking's change, with its entry, does not happen.
  "bookings.cancel-many": async () => {
    const { bookingId } = await createBooking(
      { fleetId, createdById: admin.id, request: requests[6] },
      sandboxProviders(),
    );
    const before = await db.booking.findUniqueOrThrow({ where: { id: bookingId } });
    expect(before.providerBookingId, "booked at the provider before the test").toBeTruthy();
    return {
      as: admin,
      input: { fleetId, bookingIds: [bookingId], acceptFee: true },
      expected: "per-booking",
      async unchanged() {
        const after = await db.booking.findUniqueOrThrow({ where: { id: bookingId } });
        expect([after.status, after.feeMinor]).toEqual([before.status, before.feeMinor]);
      },
    };
  },

  "bookings.assign-many": async () => {
    const [one, two] = [await storedBooking(7), await storedBooking(8)];
    return {
      as: admin,
      input: { fleetId, bookingIds: [one.id, two.id], driverId },
      expected: "per-booking",
      async unchanged() {
        const after = await db.booking.findMany({ where: { id: { in: [one.id, two.id] } } });
        expect(after.map((b) => b.assignedDriverId)).toEqual([null, null]);
      },
    };
  },

  "bookings.batch.create": async () => ({
    as: admin,
    input: { fleetId, items: [requests[5]] },
    async unchanged() {
      // The only other batch of the fleet is the retry-item case's, whose one line stays FAILED.
      expect(await db.bookingBatchItem.count({ where: { batch: { fleetId }, status: { not: "FAILED" } } })).toBe(0);
    },
  }),

  "bookings.batch.retry-item": async () => {
    const batch = await db.bookingBatch.create({
      data: {
        fleetId,
        createdById: admin.id,
        finishedAt: new Date(),
        items: { create: [{ position: 0, input: { ...requests[5] }, status: "FAILED", error: "Taken" }] },
      },
    });
    return {
      as: admin,
      input: { fleetId, batchId: batch.id, position: 0 },
      async unchanged() {
        const item = await db.bookingBatchItem.findFirstOrThrow({ where: { batchId: batch.id } });
        expect([item.status, item.error]).toEqual(["FAILED", "Taken"]);
        expect((await db.bookingBatch.findUniqueOrThrow({ where: { id: batch.id } })).finishedAt).not.toBeNull();
      },
    };
  },

  "depot-chargers.add": async () => ({
    as: admin,
    input: { fleetId, ...depotCharger("AUD-ADD") },
    async unchanged() {
      expect(await db.depotCharger.count({ where: { fleetId, chargerId: "AUD-ADD" } })).toBe(0);
    },
  }),

  "depot-chargers.edit": async () => {
    const row = await addDepotCharger(fleetId, depotCharger("AUD-EDIT"), { actorId: admin.id });
    return {
      as: admin,
      input: { fleetId, id: row.id, ...depotCharger("AUD-EDIT"), name: "Renamed depot charger" },
      async unchanged() {
        expect((await db.depotCharger.findUniqueOrThrow({ where: { id: row.id } })).name).toBe(row.name);
      },
    };
  },

  "depot-chargers.delete": async () => {
    const row = await addDepotCharger(fleetId, depotCharger("AUD-DEL"), { actorId: admin.id });
    return {
      as: admin,
      input: { fleetId, id: row.id },
      async unchanged() {
        expect(await db.depotCharger.count({ where: { id: row.id } })).toBe(1);
      },
    };
  },

  "vehicles.add": async () => ({
    as: admin,
    input: { fleetId, ...vehicle("AUD-V-ADD") },
    async unchanged() {
      expect(await db.vehicle.count({ where: { fleetId, plateKey: "AUDVADD" } })).toBe(0);
    },
  }),

  "vehicles.edit": async () => {
    const row = await addVehicle(fleetId, vehicle("AUD-V-EDIT"), { actorId: admin.id, ip: null });
    return {
      as: admin,
      input: { fleetId, id: row.id, ...vehicle("AUD-V-EDIT"), name: "Renamed van" },
      async unchanged() {
        expect((await db.vehicle.findUniqueOrThrow({ where: { id: row.id } })).name).toBe(row.name);
      },
    };
  },

  "vehicles.set-retired": async () => {
    const row = await addVehicle(fleetId, vehicle("AUD-V-RET"), { actorId: admin.id, ip: null });
    return {
      as: admin,
      input: { fleetId, id: row.id, retired: true },
      async unchanged() {
        expect((await db.vehicle.findUniqueOrThrow({ where: { id: row.id } })).retiredAt).toBeNull();
      },
    };
  },

  "policies.set": async () => ({
    as: admin,
    input: { fleetId, currency: "EUR", sessionCapMinor: 2_500 },
    async unchanged() {
      expect(await db.spendingPolicy.count({ where: { fleetId, sessionCapMinor: 2_500 } })).toBe(0);
    },
  }),

  "policies.remove": async () => {
    await db.spendingPolicy.deleteMany({ where: { fleetId, userId: null, vehicleId: null } });
    await db.spendingPolicy.create({ data: { fleetId, currency: "EUR", monthlyCapMinor: 50_000 } });
    return {
      as: admin,
      input: { fleetId },
      async unchanged() {
        expect(await db.spendingPolicy.count({ where: { fleetId } })).toBe(1);
      },
    };
  },

  "vehicles.import": async () => ({
    as: admin,
    input: { fleetId, csv: "plate,battery_kwh,connectors,max_ac_kw\nAUD-V-IMP,60,Type 2,11\n" },
    async unchanged() {
      expect(await db.vehicle.count({ where: { fleetId, plateKey: "AUDVIMP" } })).toBe(0);
    },
  }),

  "depot-chargers.import": async () => ({
    as: admin,
    input: {
      fleetId,
      csv: "charger_id,name,latitude,longitude,connectors\nAUD-IMP,Imported,52.46,13.39,1:IEC_62196_T2:22\n",
    },
    async unchanged() {
      expect(await db.depotCharger.count({ where: { fleetId, chargerId: "AUD-IMP" } })).toBe(0);
    },
  }),

  "fleets.create": async () => {
    const plugsurfingFleetId = `audit-new-${RUN}`;
    return {
      as: admin,
      input: { plugsurfingFleetId, name: "Never made" },
      async unchanged() {
        expect(await db.fleet.count({ where: { plugsurfingFleetId } })).toBe(0);
      },
    };
  },

  "fleets.rename": async () => ({
    as: admin,
    input: { fleetId, name: "Renamed under refusal" },
    expected: "syncing",
    async unchanged() {
      expect((await db.fleet.findUniqueOrThrow({ where: { id: fleetId } })).name).toBe(`Audit fleet ${RUN}`);
    },
  }),

  "fleets.session-limit": async () => ({
    as: admin,
    input: { fleetId, sessionLimitHours: 48 },
    async unchanged() {
      expect((await db.fleet.findUniqueOrThrow({ where: { id: fleetId } })).sessionLimitHours).toBe(12);
    },
  }),

  "fleets.members.set-role": async () => {
    const member = await person("set-role", "DRIVER");
    return {
      as: admin,
      input: { fleetId, userId: member.id, role: "MANAGER" },
      async unchanged() {
        const membership = await db.membership.findUniqueOrThrow({
          where: { userId_fleetId: { userId: member.id, fleetId } },
        });
        expect(membership.role).toBe("DRIVER");
      },
    };
  },

  "fleets.members.remove": async () => {
    const member = await person("removed", "DRIVER");
    return {
      as: admin,
      input: { fleetId, userId: member.id, disableKeys: false },
      expected: "syncing",
      async unchanged() {
        expect(await db.membership.count({ where: { userId: member.id, fleetId } })).toBe(1);
      },
    };
  },

  "fleets.members.invite": async () => {
    const email = `invitee-${RUN}@audit.test`;
    return {
      as: admin,
      input: { fleetId, email, role: "DISPATCHER" },
      async unchanged() {
        expect(await db.fleetInvitation.count({ where: { email } })).toBe(0);
      },
    };
  },

  "fleets.invitations.withdraw": async () => {
    const pending = await invitation(`withdrawn-${RUN}@audit.test`);
    return {
      as: admin,
      input: { fleetId, invitationId: pending.id },
      async unchanged() {
        const after = await db.fleetInvitation.findUniqueOrThrow({ where: { id: pending.id } });
        expect([after.status, after.respondedAt]).toEqual(["PENDING", null]);
      },
    };
  },

  "fleets.invitations.accept": async () => {
    const invited = await person("accepter");
    const pending = await invitation(invited.email);
    return {
      as: { id: invited.id, email: invited.email, name: invited.name, memberships: [] },
      input: { invitationId: pending.id },
      async unchanged() {
        expect(await db.membership.count({ where: { userId: invited.id } })).toBe(0);
        expect((await db.fleetInvitation.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING");
      },
    };
  },

  "fleets.invitations.decline": async () => {
    const invited = await person("decliner");
    const pending = await invitation(invited.email);
    return {
      as: { id: invited.id, email: invited.email, name: invited.name, memberships: [] },
      input: { invitationId: pending.id },
      async unchanged() {
        expect((await db.fleetInvitation.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING");
        expect(
          await db.notification.count({
            where: { userId: admin.id, data: { path: ["invitationId"], equals: pending.id } },
          }),
        ).toBe(0);
      },
    };
  },

  // From the emailed link, signed out: the account, the membership and the entry are one transaction.
  "fleets.invitations.sign-up-and-accept": async () => {
    const email = `invited-newcomer-${RUN}@audit.test`;
    const token = `${RUN}${hex()}`;
    const pending = await invitation(email, token);
    return {
      as: null,
      input: { token, name: "Invited newcomer", password: "a-long-password-2026" },
      async unchanged() {
        expect(await db.user.count({ where: { email } })).toBe(0);
        expect((await db.fleetInvitation.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING");
      },
    };
  },

  "invitations.issue": async () => ({
    as: admin,
    // Four uses: the codes the other cases issue allow three.
    input: { fleetId, expiresInDays: 7, maxUses: 4 },
    async unchanged() {
      expect(await db.invitationCode.count({ where: { fleetId, maxUses: 4 } })).toBe(0);
    },
  }),

  "invitations.revoke": async () => {
    const issued = await issueInvitationCode(fleetId, admin.id, { expiresInDays: 7, maxUses: 3 });
    return {
      as: admin,
      input: { fleetId, codeId: issued.id },
      async unchanged() {
        expect((await db.invitationCode.findUniqueOrThrow({ where: { id: issued.id } })).revokedAt).toBeNull();
      },
    };
  },

  "api-tokens.create": async () => ({
    as: admin,
    input: { fleetId, name: "Refused token", role: "DISPATCHER" },
    async unchanged() {
      expect(await db.apiToken.count({ where: { fleetId, name: "Refused token" } })).toBe(0);
      expect(await db.user.count({ where: { name: "Refused token" } })).toBe(0);
    },
  }),

  "api-tokens.revoke": async () => {
    // Written directly: creating it through its function would need the audit entry the trigger refuses.
    const account = await db.user.create({
      data: {
        email: `revoke-case-${Date.now()}@api-token.invalid`,
        name: "Token to revoke",
        passwordHash: "!",
        memberships: { create: { fleetId, role: "DISPATCHER" } },
      },
    });
    const token = await db.apiToken.create({
      data: {
        fleetId,
        name: "Token to revoke",
        role: "DISPATCHER",
        prefix: "fct_revoke00",
        secretHash: `revoke-case-${Date.now()}`,
        accountId: account.id,
        createdById: admin.id,
      },
    });
    return {
      as: admin,
      input: { fleetId, tokenId: token.id },
      async unchanged() {
        expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeNull();
        expect(await db.membership.count({ where: { userId: account.id } })).toBe(1);
      },
    };
  },

  "webhooks.create": async () => ({
    as: admin,
    input: { fleetId, url: "https://hooks.example.com/refused", events: ["alert.raised"] },
    async unchanged() {
      expect(await db.webhookEndpoint.count({ where: { fleetId, url: "https://hooks.example.com/refused" } })).toBe(0);
    },
  }),

  "webhooks.pause": async () => {
    const hook = await storedWebhook("pause");
    return {
      as: admin,
      input: { fleetId, webhookId: hook.id, paused: true },
      async unchanged() {
        expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id } })).pausedAt).toBeNull();
      },
    };
  },

  "webhooks.delete": async () => {
    const hook = await storedWebhook("delete");
    return {
      as: admin,
      input: { fleetId, webhookId: hook.id },
      async unchanged() {
        expect(await db.webhookEndpoint.count({ where: { id: hook.id } })).toBe(1);
      },
    };
  },

  "webhooks.test": async () => {
    const hook = await storedWebhook("test");
    return {
      as: admin,
      input: { fleetId, webhookId: hook.id },
      async unchanged() {
        expect(await db.webhookDelivery.count({ where: { endpointId: hook.id, event: "webhook.test" } })).toBe(0);
      },
    };
  },

  "webhooks.replay": async () => {
    const hook = await storedWebhook("replay");
    const delivery = await db.webhookDelivery.create({
      data: {
        endpointId: hook.id,
        fleetId,
        eventId: "evt_replay-case",
        event: "webhook.test",
        body: JSON.stringify({ id: "evt_replay-case", type: "webhook.test", fleetId, data: {} }),
        status: "FAILED",
        attempts: 10,
      },
    });
    return {
      as: admin,
      input: { fleetId, deliveryId: delivery.id },
      async unchanged() {
        expect(await db.webhookDelivery.count({ where: { endpointId: hook.id, eventId: "evt_replay-case" } })).toBe(1);
      },
    };
  },

  "invitations.join": async () => {
    const issued = await issueInvitationCode(fleetId, admin.id, { expiresInDays: 7, maxUses: 3 });
    const joiner = await person("joiner");
    return {
      as: { id: joiner.id, email: joiner.email, name: joiner.name, memberships: [] },
      input: { code: issued.code },
      async unchanged() {
        expect(await db.membership.count({ where: { userId: joiner.id } })).toBe(0);
        expect((await db.invitationCode.findUniqueOrThrow({ where: { id: issued.id } })).uses).toBe(0);
      },
    };
  },

  "invitations.sign-up-and-join": async () => {
    const issued = await issueInvitationCode(fleetId, admin.id, { expiresInDays: 7, maxUses: 3 });
    const email = `new-driver-${RUN}@audit.test`;
    return {
      as: null,
      input: { name: "New driver", email, password: "a-long-password-2026", code: issued.code },
      async unchanged() {
        expect(await db.user.count({ where: { email } })).toBe(0);
        expect((await db.invitationCode.findUniqueOrThrow({ where: { id: issued.id } })).uses).toBe(0);
      },
    };
  },

  // Issued at the provider, then stored: the stored row, with its entry, does not happen (the next key
  // refresh finds the provider's key).
  "keys.create": async () => {
    const keyIdentifier = hex();
    return {
      as: admin,
      input: { fleetId, keyIdentifier, visualNumber: "AUD-NEW" },
      async unchanged() {
        expect(await db.chargingKey.count({ where: { keyId: keyIdentifier } })).toBe(0);
      },
    };
  },

  "keys.assign": async () => {
    const key = await createFleetKey(fleetId, { keyIdentifier: hex(), visualNumber: "AUD-ASSIGN" }, plugsurfing);
    return {
      as: admin,
      input: { fleetId, keyId: key.id, driverId },
      async unchanged() {
        expect((await db.chargingKey.findUniqueOrThrow({ where: { id: key.id } })).assignedDriverId).toBeNull();
      },
    };
  },

  "keys.set-enabled": async () => {
    const key = await createFleetKey(fleetId, { keyIdentifier: hex(), visualNumber: "AUD-SWITCH" }, plugsurfing);
    return {
      as: admin,
      input: { fleetId, keyId: key.id, enabled: false },
      expected: "syncing",
      async unchanged() {
        expect((await db.chargingKey.findUniqueOrThrow({ where: { id: key.id } })).enabled).toBe(true);
      },
    };
  },

  "keys.move": async () => {
    const key = await createFleetKey(fleetId, { keyIdentifier: hex(), visualNumber: "AUD-MOVE" }, plugsurfing);
    return {
      as: admin,
      input: { fleetId, keyId: key.id, toFleetId: otherFleetId },
      async unchanged() {
        expect((await db.chargingKey.findUniqueOrThrow({ where: { id: key.id } })).fleetId).toBe(fleetId);
      },
    };
  },

  // The providers are asked first, then every key is saved with the entry in one transaction: a key only the
  // provider has is not stored, and a stored key is not touched.
  "keys.refresh": async () => {
    const keyIdentifier = hex();
    await plugsurfing.createKey(
      { fleetId: `audit-${RUN}`, fleetName: `Audit fleet ${RUN}` },
      { keyIdentifier, visualNumber: "AUD-REFRESH" },
    );
    const stored = await createFleetKey(fleetId, { keyIdentifier: hex(), visualNumber: "AUD-STORED" }, plugsurfing);
    return {
      as: admin,
      input: { fleetId },
      async unchanged() {
        expect(await db.chargingKey.count({ where: { keyId: keyIdentifier } })).toBe(0);
        const after = await db.chargingKey.findUniqueOrThrow({ where: { id: stored.id } });
        expect(after.syncedAt).toEqual(stored.syncedAt);
      },
    };
  },

  // Started at the provider, then stored: the stored session, with its entry, does not happen.
  "sessions.start": async () => {
    const connectorId = startable.pop()!;
    return {
      as: admin,
      input: { fleetId, driverId, connectorId },
      async unchanged() {
        expect(await db.chargingSession.count({ where: { fleetId, connectorId } })).toBe(0);
      },
    };
  },

  "sessions.stop": async () => {
    const started = await startRemoteSession({ fleetId, driverId, connectorId: startable.pop()! });
    if (started.kind !== "started") throw new Error("the sandbox asked for 3-D Secure");
    const before = await db.chargingSession.findUniqueOrThrow({ where: { id: started.sessionId } });
    return {
      as: admin,
      input: { fleetId, sessionId: started.sessionId },
      async unchanged() {
        const after = await db.chargingSession.findUniqueOrThrow({ where: { id: started.sessionId } });
        expect([after.status, after.updatedAt]).toEqual([before.status, before.updatedAt]);
      },
    };
  },

  // Its summary entry follows the sync's page writes, which stand (lib/sessions/sync-jobs.ts says why that is
  // the honest boundary): what is checked is that it writes the entry and that the refusal fails the action.
  "sessions.sync-now": async () => ({ as: admin, input: { fleetId } }),

  "sessions.set-odometer": async () => {
    const van = await addVehicle(fleetId, vehicle("AUD-V-ODO"), { actorId: admin.id, ip: null });
    const stored = await db.chargingSession.create({
      data: {
        source: "PLUGSURFING_SESSION",
        providerSessionId: `audit-odometer-${RUN}`,
        fleetId,
        vehicleId: van.id,
        status: "COMPLETE",
        startTime: new Date("2026-11-02T08:00:00Z"),
      },
    });
    return {
      as: admin,
      input: { fleetId, sessionId: stored.id, odometerKm: "48210" },
      async unchanged() {
        expect((await db.chargingSession.findUniqueOrThrow({ where: { id: stored.id } })).odometerKm).toBeNull();
      },
    };
  },

  "alerts.dismiss": async () => {
    const alert = await testAlert("dismiss");
    return {
      as: admin,
      input: { fleetId, alertId: alert.id, note: "Checked with the driver" },
      unchanged: () => expectOpen(alert.id),
    };
  },

  "alerts.stop-session": async () => {
    const started = await startRemoteSession({ fleetId, driverId, connectorId: startable.pop()! });
    if (started.kind !== "started") throw new Error("the sandbox asked for 3-D Secure");
    const alert = await testAlert("stop", { sessionId: started.sessionId });
    return { as: admin, input: { fleetId, alertId: alert.id }, unchanged: () => expectOpen(alert.id) };
  },

  "alerts.rebook": async () => {
    const expired = await storedBooking(9);
    await db.booking.update({ where: { id: expired.id }, data: { status: "EXPIRED" } });
    const alert = await raiseAlert({
      fleetId,
      kind: "booking.expired",
      causeKey: `booking:${expired.id}:expired`,
      bookingId: expired.id,
      facts: {
        charger: { name: "Audit charger", timeZone: "Europe/Berlin" },
        windowStart: expired.windowStart.toISOString(),
        windowEnd: expired.windowEnd.toISOString(),
      },
    });
    return {
      as: admin,
      input: { fleetId, alertId: alert.id },
      async unchanged() {
        await expectOpen(alert.id);
        // The replacement was stored before its provider's answer could be recorded: it waits, unsettled.
        const replacements = await db.booking.findMany({
          where: {
            fleetId,
            windowStart: expired.windowStart,
            NOT: { id: expired.id },
            status: { notIn: ["FAILED"] },
            createdAt: { gt: expired.createdAt },
          },
        });
        for (const replacement of replacements) expect(replacement.status).toBe("SUBMITTING");
      },
    };
  },

  "alerts.message-driver": async () => {
    const alert = await testAlert("message", { driverId });
    return {
      as: admin,
      input: { fleetId, alertId: alert.id, message: "Please unplug the van" },
      async unchanged() {
        expect(await db.notification.count({ where: { userId: driverId, kind: "alert.message" } })).toBe(0);
      },
    };
  },
};

/** An open "no energy" alert of the fleet, for the alert actions' cases. */
/** An endpoint written directly: creating it through its function would need the audit entry the trigger refuses. */
function storedWebhook(label: string) {
  return db.webhookEndpoint.create({
    data: { fleetId, url: `https://hooks.example.com/${label}`, events: ["alert.raised"], secret: `whsec_${label}` },
  });
}

function testAlert(name: string, links: { sessionId?: string; driverId?: string } = {}) {
  return raiseAlert({
    fleetId,
    kind: "session.no_energy",
    causeKey: `audit:${name}:${RUN}`,
    facts: { charger: { name: "Audit charger" }, startedAt: "2026-12-03T08:00:00Z", minutes: 12 },
    ...links,
  });
}

async function expectOpen(alertId: string) {
  expect((await db.alert.findUniqueOrThrow({ where: { id: alertId } })).status).toBe("OPEN");
}

function vehicle(plate: string): VehicleValues {
  return {
    plate,
    name: `Van ${plate}`,
    make: undefined,
    model: undefined,
    batteryKwh: 90,
    connectorStandards: ["IEC_62196_T2", "IEC_62196_T2_COMBO"],
    maxAcKw: 11,
    maxDcKw: 80,
    homeDepotId: undefined,
    defaultDriverId: undefined,
    chargingKeyId: undefined,
    petitMondeTokenId: undefined,
  };
}

function depotCharger(chargerId: string): DepotChargerValues {
  return {
    chargerId,
    name: `Depot ${chargerId}`,
    latitude: 52.4668,
    longitude: 13.3951,
    address: undefined,
    timeZone: "Europe/Berlin",
    connectors: [{ connectorId: "1", standard: "IEC_62196_T2_COMBO", powerKw: 150 }],
  };
}

/** Free connectors that accept remote starts, in Munich (other files start sessions in Berlin and Hamburg). */
let startable: string[] = [];
const prepared = new Map<string, Prepared>();

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Audit org" } });
  fleetGroupId = `group_audit_${RUN}`;
  const plugsurfingFleetId = `audit-${RUN}`;
  await plugsurfing.createFleet({ fleetId: plugsurfingFleetId, fleetName: `Audit fleet ${RUN}` });
  fleetId = (
    await db.fleet.create({
      data: {
        organizationId: org.id,
        name: `Audit fleet ${RUN}`,
        plugsurfingFleetId,
        petitMondeFleetGroupId: fleetGroupId,
      },
    })
  ).id;
  otherFleetId = (
    await db.fleet.create({
      data: { organizationId: org.id, name: "Audit elsewhere", plugsurfingFleetId: `audit-b-${RUN}` },
    })
  ).id;
  const adminUser = await person("admin", "ADMIN", await hashPassword(OLD_PASSWORD));
  await db.membership.create({ data: { userId: adminUser.id, fleetId: otherFleetId, role: "ADMIN" } });
  admin = {
    id: adminUser.id,
    email: adminUser.email,
    name: adminUser.name,
    memberships: [
      { fleetId, fleetName: `Audit fleet ${RUN}`, role: "ADMIN" },
      { fleetId: otherFleetId, fleetName: "Audit elsewhere", role: "ADMIN" },
    ],
  };

  const control = remoteControl();
  if (!control) throw new Error("no provider with remote start");
  const driver = await person("driver", "DRIVER");
  driverId = driver.id;
  await db.providerIdentity.create({
    data: { userId: driverId, kind: PROVIDER_FEATURES[control.name].driverIdentity, value: `audit-driver-${RUN}` },
  });
  const free = (await control.search({ latitude: 48.137, longitude: 11.575, radiusM: 20_000, limit: 100 }))
    .flatMap((l) => l.evses)
    .filter((e) => e.status === "AVAILABLE" && e.capabilities.includes("REMOTE_START_STOP_CAPABLE"))
    .map((e) => e.connectors[0].id)
    .sort(() => Math.random() - 0.5);
  startable = free.slice(0, 3);
  expect(startable, "three free connectors in Munich").toHaveLength(3);

  const window = await testWindow({ leadMinutes: 27 * 60 + Math.floor(Math.random() * 300), hours: 1 });
  const evses = await reservableEvsesNearBerlin(sandboxProviders(), 10, window);
  requests = evses.map((evse) => groupBookingRequest(evse, window));

  for (const [name, prepare] of Object.entries(CASES)) prepared.set(name, await prepare());
  for (const statement of installTrigger) await db.$executeRawUnsafe(statement);
  // Unexpected errors are logged with their reference id; the answers are what is checked here.
  vi.spyOn(log, "error").mockImplementation(() => undefined);
}, 180_000);

afterAll(async () => {
  for (const statement of dropTrigger) await db.$executeRawUnsafe(statement);
  await stopQueue();
});

describe("an audit entry that cannot be written", () => {
  it("is refused by the trigger (the premise of every case below)", async () => {
    const before = await refusals();
    await expect(writeAudit({ actorId: null, action: "test.premise", objectType: "Test" })).rejects.toThrow(REFUSAL);
    expect(await refusals()).toBe(before + 1);
  });

  it("has a case for every registered mutation (a new one fails here until it has)", () => {
    const mutations = [...ENDPOINTS.values()].filter((e) => e.mutation).map((e) => e.name);
    const listed = Object.keys(CASES);
    expect(mutations.filter((name) => !listed.includes(name))).toEqual([]);
    expect(listed.filter((name) => !mutations.includes(name))).toEqual([]);
  });

  it.each(Object.keys(CASES))("%s: the change does not happen, and the answer is plain", async (name) => {
    const action = actions.get(name);
    expect(action, `${name} is exported from lib/actions`).toBeTruthy();
    const { as, input, unchanged, expected = "failure" } = prepared.get(name)!;
    session.user = as;
    const before = await refusals();
    const answer = await action!(input);
    // It tried to write its entry (the trigger counted it), and the refusal reached the answer.
    expect(await refusals(), `${name} tried to write its audit entry`).toBeGreaterThan(before);
    if (expected === "syncing") {
      expect(answer).toMatchObject({ ok: true, data: { syncing: true } });
    } else if (expected === "per-booking") {
      const { outcomes } = answer.data as { outcomes: Array<{ outcome: Answer }> };
      expect(outcomes.length).toBeGreaterThan(0);
      for (const { outcome } of outcomes) {
        expect(outcome).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
        expect(outcome.error?.message).not.toContain(REFUSAL);
      }
    } else {
      expect(answer).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
      expect(answer.error?.message).not.toContain(REFUSAL);
    }
    await unchanged?.();
  });
});
