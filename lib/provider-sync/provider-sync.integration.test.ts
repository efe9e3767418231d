// Provider writes settled through ProviderSync, against a real database and the sandbox: rename, key on/off
// (Plugsurfing EMP keys and DepotFinity RFID tags) and member removal, each with the local write failing
// once after the provider call; the reconciler then brings both sides together with one audit entry each.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("next/headers", () => ({
  // The address our web server stamps from the socket; a client's X-Forwarded-For is not believed.
  headers: async () => new Headers({ "x-fleet-peer-address": "203.0.113.7", "x-forwarded-for": "9.9.9.9" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

const { db } = await import("@/lib/db");
const { failureWords, toFailure } = await import("@/lib/actions/errors");
const { providerConfig } = await import("@/lib/env");
const { createProviders } = await import("@/lib/providers");
const { renameFleet } = await import("@/lib/fleets/rename-fleet");
const { listMembers, removeMember } = await import("@/lib/fleets/members");
const { createFleetKey, setKeyEnabled } = await import("@/lib/keys/manage-keys");
const { listKeys } = await import("@/lib/keys/list-keys");
const { listKeysInput } = await import("@/lib/keys/schemas");
const { syncProvidersOf } = await import("@/lib/provider-sync/providers");
const { reconcileProviderSyncs } = await import("@/lib/provider-sync/reconcile");
const { pendingSyncs } = await import("@/lib/provider-sync/pending");
const { clearLocalFailures, failLocalApply } = await import("@/lib/provider-sync/faults");
const { MAX_ATTEMPTS } = await import("@/lib/provider-sync/policy");
const fleetActions = await import("@/lib/actions/fleets");
const keyActions = await import("@/lib/actions/keys");

const SANDBOX = process.env.SANDBOX_URL!;
const RUN = Math.random().toString(36).slice(2, 8).toUpperCase();

const testProviders = createProviders(providerConfig(), { timeoutMs: 1_500, retry: { maxAttempts: 1 } });
const plugsurfing = testProviders.get("PLUGSURFING");
const depot = testProviders.get("DEPOTFINITY");
const providers = syncProvidersOf(testProviders);
const actor = { actorId: null, ip: "198.51.100.1" };

let organizationId = "";
let adminId = "";
let serial = 0;

async function faults(config: unknown) {
  const response = await fetch(`${SANDBOX}/_sandbox/faults`, {
    method: config === null ? "DELETE" : "PUT",
    headers: { "Content-Type": "application/json" },
    body: config === null ? undefined : JSON.stringify(config),
  });
  expect(response.ok).toBe(true);
}

/** A fleet here and at Plugsurfing, with the admin as its ADMIN. */
async function newFleet(name: string) {
  const plugsurfingFleetId = `ps-${RUN.toLowerCase()}-${++serial}`;
  await plugsurfing.createFleet({ fleetId: plugsurfingFleetId, fleetName: name });
  const fleet = await db.fleet.create({ data: { organizationId, name, plugsurfingFleetId } });
  await db.membership.create({ data: { userId: adminId, fleetId: fleet.id, role: "ADMIN" } });
  return fleet;
}

async function nameAtPlugsurfing(plugsurfingFleetId: string): Promise<string | null> {
  const response = await fetch(`${SANDBOX}/_sandbox/plugsurfing/fleets/${plugsurfingFleetId}`);
  expect(response.ok).toBe(true);
  return ((await response.json()) as { fleetName: string | null }).fleetName;
}

async function enabledAtPlugsurfing(plugsurfingFleetId: string, keyId: string): Promise<boolean | undefined> {
  const keys = await plugsurfing.listKeys({ fleetId: plugsurfingFleetId });
  return keys.find((k) => k.keyId === keyId)?.enabled;
}

async function enabledAtDepot(tag: string): Promise<boolean> {
  const response = await fetch(`${SANDBOX}/_sandbox/depotfinity/rfid/${tag}`);
  expect(response.ok).toBe(true);
  return ((await response.json()) as { enabled: boolean }).enabled;
}

function audits(where: { action: string; objectId: string }) {
  return db.auditLog.findMany({ where });
}

/** The reconciler as the job runs it, a moment after the request gave up on the local write. */
function reconcile() {
  return reconcileProviderSyncs(providers, { now: new Date(Date.now() + 1_000) });
}

function hexUid(): string {
  return `04${RUN.replace(/[^0-9A-F]/g, "0")}${String(++serial).padStart(4, "0")}`.slice(0, 16);
}

beforeAll(async () => {
  organizationId = (await db.organization.create({ data: { name: "Sync org" } })).id;
  adminId = (await db.user.create({ data: { email: `sync-${RUN}@test.local`, name: "Admin", passwordHash: "x" } })).id;
});

afterEach(async () => {
  clearLocalFailures();
  await faults(null);
});

afterAll(async () => {
  const pools = globalThis as unknown as {
    providerRateLimitPool?: { end(): Promise<void> };
    pgPool?: { end(): Promise<void> };
  };
  await pools.providerRateLimitPool?.end();
  await pools.pgPool?.end();
  delete pools.providerRateLimitPool;
  delete pools.pgPool;
});

describe("fleet rename", () => {
  it("renames at the provider and here, with one audit entry and the intent done", async () => {
    const fleet = await newFleet("Before");
    const result = await renameFleet(fleet.id, "  After  ", { actor, providers });
    expect(result).toMatchObject({ before: { name: "Before" }, after: { name: "After" }, syncing: false });
    expect((await db.fleet.findUniqueOrThrow({ where: { id: fleet.id } })).name).toBe("After");
    expect(await nameAtPlugsurfing(fleet.plugsurfingFleetId)).toBe("After");
    const entries = await audits({ action: "fleets.rename", objectId: fleet.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ before: { name: "Before" }, after: { name: "After" }, ip: actor.ip });
    expect(await db.providerSync.findMany({ where: { fleetId: fleet.id } })).toMatchObject([{ status: "DONE" }]);
  });

  it("refuses a name the database would reject before asking the provider", async () => {
    const fleet = await newFleet("Clean");
    const refusal = await renameFleet(fleet.id, "Bad\u0000name", { actor, providers }).catch((e: unknown) => e);
    expect(toFailure(refusal, "test")).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { name: [expect.any(String)] },
    });
    expect(await nameAtPlugsurfing(fleet.plugsurfingFleetId)).toBe("Clean");
    expect(await db.providerSync.count({ where: { fleetId: fleet.id } })).toBe(0);
  });

  it("after a local failure shows syncing, and the reconciler finishes it with one audit entry", async () => {
    const fleet = await newFleet("Old name");
    failLocalApply("fleet.rename");
    const result = await renameFleet(fleet.id, "New name", { actor, providers });
    expect(result.syncing).toBe(true);
    expect(await nameAtPlugsurfing(fleet.plugsurfingFleetId)).toBe("New name");
    expect((await db.fleet.findUniqueOrThrow({ where: { id: fleet.id } })).name).toBe("Old name");
    expect(await audits({ action: "fleets.rename", objectId: fleet.id })).toHaveLength(0);
    expect((await pendingSyncs(fleet.id)).fleetName).toBe(true);
    // A second change waits until the first is settled.
    await expect(renameFleet(fleet.id, "Third", { actor, providers })).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await reconcile()).toMatchObject({ done: 1 });
    expect((await db.fleet.findUniqueOrThrow({ where: { id: fleet.id } })).name).toBe("New name");
    expect(await nameAtPlugsurfing(fleet.plugsurfingFleetId)).toBe("New name");
    expect((await pendingSyncs(fleet.id)).fleetName).toBe(false);
    await reconcile();
    const entries = await audits({ action: "fleets.rename", objectId: fleet.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ before: { name: "Old name" }, after: { name: "New name" }, ip: actor.ip });
  });

  it("keeps trying when the provider's answer is lost, and completes once it can", async () => {
    const fleet = await newFleet("Lost answer");
    // The sandbox applies the rename, then never answers.
    await faults({
      endpoints: [{ pattern: "/plugsurfing/drive/emp/v1/fleets/*/rename", method: "PUT", timeoutRate: 1 }],
    });
    const lost = await renameFleet(fleet.id, "Arrived", { actor, providers }).catch((e: unknown) => e);
    expect(toFailure(lost, "test")).toMatchObject({ code: "PROVIDER", message: expect.stringContaining("Syncing") });
    expect(toFailure(lost, "test", failureWords("de")).message).toMatch(
      /^Der Ladeanbieter hat nicht rechtzeitig geantwortet\. .*„Wird synchronisiert“/,
    );
    expect(await db.providerSync.findFirstOrThrow({ where: { fleetId: fleet.id } })).toMatchObject({
      status: "PENDING",
    });
    await faults(null);
    expect(await reconcile()).toMatchObject({ done: 1 });
    expect((await db.fleet.findUniqueOrThrow({ where: { id: fleet.id } })).name).toBe("Arrived");
    expect(await nameAtPlugsurfing(fleet.plugsurfingFleetId)).toBe("Arrived");
    expect(await audits({ action: "fleets.rename", objectId: fleet.id })).toHaveLength(1);
  });

  it("puts the provider back when the local change keeps failing, and audits nothing", async () => {
    const fleet = await newFleet("Original");
    failLocalApply("fleet.rename", MAX_ATTEMPTS + 1);
    expect((await renameFleet(fleet.id, "Never here", { actor, providers })).syncing).toBe(true);
    let now = Date.now();
    for (let attempt = 0; attempt <= MAX_ATTEMPTS; attempt++) {
      now += 24 * 3_600_000; // past any backoff
      await reconcileProviderSyncs(providers, { now: new Date(now) });
    }
    expect(await db.providerSync.findFirstOrThrow({ where: { fleetId: fleet.id } })).toMatchObject({
      status: "FAILED",
    });
    expect(await nameAtPlugsurfing(fleet.plugsurfingFleetId)).toBe("Original");
    expect((await db.fleet.findUniqueOrThrow({ where: { id: fleet.id } })).name).toBe("Original");
    expect(await audits({ action: "fleets.rename", objectId: fleet.id })).toHaveLength(0);
  });
});

describe("charging keys", () => {
  it("disables a Plugsurfing key after a local failure, then enables it normally; one entry each", async () => {
    const fleet = await newFleet("Keys");
    const uid = hexUid();
    const key = await createFleetKey(fleet.id, { keyIdentifier: uid, visualNumber: `DE-${uid}` }, plugsurfing);
    expect(key).toMatchObject({ provider: "PLUGSURFING", keyId: uid, enabled: true });

    failLocalApply("key.set-enabled");
    const disabled = await setKeyEnabled(fleet.id, key.id, false, { actor, providers });
    expect(disabled.syncing).toBe(true);
    expect(await enabledAtPlugsurfing(fleet.plugsurfingFleetId, uid)).toBe(false);
    expect((await db.chargingKey.findUniqueOrThrow({ where: { id: key.id } })).enabled).toBe(true);
    const table = await listKeys(listKeysInput.parse({ fleetId: fleet.id }));
    expect(table.rows.find((r) => r.id === key.id)?.syncing).toBe(true);

    expect(await reconcile()).toMatchObject({ done: 1 });
    expect((await db.chargingKey.findUniqueOrThrow({ where: { id: key.id } })).enabled).toBe(false);
    expect(await audits({ action: "keys.disable", objectId: key.id })).toHaveLength(1);

    const enabled = await setKeyEnabled(fleet.id, key.id, true, { actor, providers });
    expect(enabled.syncing).toBe(false);
    expect(await enabledAtPlugsurfing(fleet.plugsurfingFleetId, uid)).toBe(true);
    expect((await db.chargingKey.findUniqueOrThrow({ where: { id: key.id } })).enabled).toBe(true);
    expect(await audits({ action: "keys.enable", objectId: key.id })).toHaveLength(1);
    expect(await audits({ action: "keys.disable", objectId: key.id })).toHaveLength(1);
    expect((await listKeys(listKeysInput.parse({ fleetId: fleet.id }))).rows[0]?.syncing).toBe(false);
  });

  it("switches a DepotFinity RFID tag through the same port, local failure included", async () => {
    const fleet = await newFleet("Depot keys");
    const tag = hexUid();
    const key = await createFleetKey(fleet.id, { keyIdentifier: tag, visualNumber: `TAG-${tag}` }, depot);
    expect(key).toMatchObject({ provider: "DEPOTFINITY", keyId: tag, enabled: true });
    expect(await enabledAtDepot(tag)).toBe(true);

    failLocalApply("key.set-enabled");
    expect((await setKeyEnabled(fleet.id, key.id, false, { actor, providers })).syncing).toBe(true);
    expect(await enabledAtDepot(tag)).toBe(false);
    expect(await reconcile()).toMatchObject({ done: 1 });
    expect((await db.chargingKey.findUniqueOrThrow({ where: { id: key.id } })).enabled).toBe(false);
    expect(await audits({ action: "keys.disable", objectId: key.id })).toHaveLength(1);

    expect((await setKeyEnabled(fleet.id, key.id, true, { actor, providers })).syncing).toBe(false);
    expect(await enabledAtDepot(tag)).toBe(true);
    expect(await audits({ action: "keys.enable", objectId: key.id })).toHaveLength(1);
  });

  it("refuses keys whose provider has nothing to switch", async () => {
    const fleet = await newFleet("Token keys");
    const key = await db.chargingKey.create({
      data: { provider: "PETITMONDE", keyId: `tok-${RUN}`, fleetId: fleet.id, type: "VIRTUAL", source: "EMP" },
    });
    await expect(setKeyEnabled(fleet.id, key.id, false, { actor, providers })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.providerSync.count({ where: { fleetId: fleet.id } })).toBe(0);
  });
});

describe("member removal", () => {
  it("after a local failure, the reconciler removes the member and their keys stay off on both sides", async () => {
    const fleet = await newFleet("Members");
    const driver = await db.user.create({
      data: { email: `leaving-${RUN}@test.local`, name: "Lea", passwordHash: "x" },
    });
    await db.membership.create({ data: { userId: driver.id, fleetId: fleet.id, role: "DRIVER" } });
    const card = await createFleetKey(fleet.id, { keyIdentifier: hexUid(), visualNumber: "CARD" }, plugsurfing);
    const tag = await createFleetKey(fleet.id, { keyIdentifier: hexUid(), visualNumber: "TAG" }, depot);
    await db.chargingKey.updateMany({
      where: { id: { in: [card.id, tag.id] } },
      data: { assignedDriverId: driver.id },
    });

    failLocalApply("member.remove");
    const result = await removeMember(fleet.id, driver.id, { disableKeys: true, actor, providers });
    expect(result).toMatchObject({ syncing: true, keysLeftEnabled: [] });
    expect(result.disabledKeys.sort()).toEqual([card.keyId, tag.keyId].sort());
    expect(await enabledAtPlugsurfing(fleet.plugsurfingFleetId, card.keyId)).toBe(false);
    expect(await enabledAtDepot(tag.keyId)).toBe(false);
    expect((await listMembers(fleet.id)).find((m) => m.userId === driver.id)?.syncing).toBe(true);
    expect(await audits({ action: "fleets.members.remove", objectId: driver.id })).toHaveLength(0);

    expect(await reconcile()).toMatchObject({ done: 1 });
    expect(
      await db.membership.findUnique({ where: { userId_fleetId: { userId: driver.id, fleetId: fleet.id } } }),
    ).toBeNull();
    const keys = await db.chargingKey.findMany({ where: { id: { in: [card.id, tag.id] } } });
    expect(keys.map((k) => k.enabled)).toEqual([false, false]);
    expect(await enabledAtPlugsurfing(fleet.plugsurfingFleetId, card.keyId)).toBe(false);
    expect(await enabledAtDepot(tag.keyId)).toBe(false);
    await reconcile();
    expect(await audits({ action: "fleets.members.remove", objectId: driver.id })).toHaveLength(1);
    expect(await audits({ action: "keys.disable", objectId: card.id })).toHaveLength(1);
    expect(await audits({ action: "keys.disable", objectId: tag.id })).toHaveLength(1);
  });

  it("removes a member at once on the normal path", async () => {
    const fleet = await newFleet("Members 2");
    const driver = await db.user.create({ data: { email: `gone-${RUN}@test.local`, name: "Gus", passwordHash: "x" } });
    await db.membership.create({ data: { userId: driver.id, fleetId: fleet.id, role: "DRIVER" } });
    const card = await createFleetKey(fleet.id, { keyIdentifier: hexUid(), visualNumber: "CARD" }, plugsurfing);
    await db.chargingKey.update({ where: { id: card.id }, data: { assignedDriverId: driver.id } });
    const result = await removeMember(fleet.id, driver.id, { disableKeys: true, actor, providers });
    expect(result).toMatchObject({ syncing: false, disabledKeys: [card.keyId] });
    expect(await enabledAtPlugsurfing(fleet.plugsurfingFleetId, card.keyId)).toBe(false);
    expect((await db.chargingKey.findUniqueOrThrow({ where: { id: card.id } })).enabled).toBe(false);
    expect(await audits({ action: "fleets.members.remove", objectId: driver.id })).toHaveLength(1);
    expect(await audits({ action: "keys.disable", objectId: card.id })).toHaveLength(1);
  });
});

describe("actions", () => {
  it("write exactly one audit entry per change, with the caller and their address", async () => {
    const fleet = await newFleet("Via action");
    session.user = {
      id: adminId,
      email: `sync-${RUN}@test.local`,
      name: "Admin",
      memberships: [{ fleetId: fleet.id, fleetName: fleet.name, role: "ADMIN" }],
    };
    expect(await fleetActions.renameFleetAction({ fleetId: fleet.id, name: "Renamed" })).toMatchObject({
      ok: true,
      data: { name: "Renamed", syncing: false },
    });
    const uid = hexUid();
    const key = await createFleetKey(fleet.id, { keyIdentifier: uid, visualNumber: "ACT" }, plugsurfing);
    expect(await keyActions.setKeyEnabledAction({ fleetId: fleet.id, keyId: key.id, enabled: false })).toMatchObject({
      ok: true,
      data: { enabled: false, syncing: false },
    });
    const entries = await db.auditLog.findMany({ where: { fleetId: fleet.id }, orderBy: { at: "asc" } });
    expect(entries.map((e) => [e.action, e.objectType, e.actorId, e.ip])).toEqual([
      ["fleets.rename", "Fleet", adminId, "203.0.113.7"],
      ["keys.disable", "ChargingKey", adminId, "203.0.113.7"],
    ]);
  });
});
