// A driver joining without a charging key: every admin of the fleet is told, with a link to the key table
// prepared for that driver, in the transaction of the membership; a driver who holds a key is not announced.
import { beforeAll, describe, expect, it } from "vitest";

const { db } = await import("@/lib/db");
const { issueInvitationCode } = await import("@/lib/invitations/invitation-codes");
const { joinWithCode, signUpAndJoin } = await import("@/lib/invitations/redeem");
const { DRIVER_WITHOUT_KEY } = await import("@/lib/notifications/driver-without-key");

let fleetId = "";
const admins: string[] = [];
let dispatcherId = "";
let ipCounter = 0;
const freshIp = () => `10.1.0.${++ipCounter}`;
const unique = () => Math.random().toString(36).slice(2, 8);

async function newUser(name: string) {
  return db.user.create({ data: { email: `${name.toLowerCase()}-${unique()}@test.local`, name, passwordHash: "x" } });
}

async function code(maxUses = 5) {
  return (await issueInvitationCode(fleetId, admins[0], { expiresInDays: 7, maxUses })).code;
}

const promptsAbout = (driverId: string) =>
  db.notification.findMany({ where: { kind: DRIVER_WITHOUT_KEY, data: { path: ["driverId"], equals: driverId } } });

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Prompt org" } });
  fleetId = (
    await db.fleet.create({ data: { organizationId: org.id, name: "Prompt Vans", plugsurfingFleetId: "prompt" } })
  ).id;
  for (const name of ["Ada", "Abe"]) {
    const admin = await newUser(name);
    await db.membership.create({ data: { userId: admin.id, fleetId, role: "ADMIN" } });
    admins.push(admin.id);
  }
  dispatcherId = (await newUser("Dita")).id;
  await db.membership.create({ data: { userId: dispatcherId, fleetId, role: "DISPATCHER" } });
});

describe("a driver joining without a charging key", () => {
  it("tells each admin of the fleet, and only them, with a link to the key table for that driver", async () => {
    const joined = await signUpAndJoin(
      { name: "Nia New", email: `nia-${unique()}@test.local`, password: "a-long-password-1", code: await code() },
      freshIp(),
    );
    const prompts = await promptsAbout(joined.userId);
    expect(prompts.map((p) => p.userId).sort()).toEqual([...admins].sort());
    for (const prompt of prompts) {
      expect(prompt.title).toBe("Nia New joined Prompt Vans and has no charging key — assign one");
      expect(prompt.readAt).toBeNull();
      const href = new URL((prompt.data as { href: string }).href, "http://dashboard.test");
      expect(href.pathname).toBe("/keys");
      expect(Object.fromEntries(href.searchParams)).toEqual({
        driverId: "none",
        assignTo: joined.userId,
        fleet: fleetId,
      });
    }
    expect(await db.notification.count({ where: { userId: { in: [dispatcherId, joined.userId] } } })).toBe(0);
  });

  it("says nothing about a driver who already holds one of the fleet's keys", async () => {
    const driver = await newUser("Kai");
    await db.chargingKey.create({
      data: {
        provider: "PLUGSURFING",
        keyId: `kai-${unique()}`,
        fleetId,
        type: "RFID_CARD",
        assignedDriverId: driver.id,
        source: "EMP",
      },
    });
    await joinWithCode(driver.id, await code(), freshIp());
    expect(await promptsAbout(driver.id)).toHaveLength(0);
  });

  it("writes the notice only with a membership: a redemption refused at the last use leaves none", async () => {
    const lastUse = await code(1);
    const [first, second] = [await newUser("Uma"), await newUser("Ugo")];
    const outcomes = await Promise.allSettled([
      joinWithCode(first.id, lastUse, freshIp()),
      joinWithCode(second.id, lastUse, freshIp()),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const user of [first, second]) {
      const member = await db.membership.count({ where: { userId: user.id, fleetId } });
      expect(await promptsAbout(user.id)).toHaveLength(member * admins.length);
    }
  });
});
