// Alerts told and acted on: a new alert raised outside a transaction reaches the fleet's admins and dispatchers
// in the bell (once per cause, never drivers); dismissing needs a note, closes once and is audited; only staff of
// the alert's own fleet act on it; a stop the provider refuses leaves the alert open; a message reaches the driver.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/permissions";

const signedIn = vi.hoisted(() => ({ user: null as CurrentUser | null }));

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => signedIn.user,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-fleet-peer-address": "203.0.113.5" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

const { db } = await import("@/lib/db");
const { raiseAlert } = await import("@/lib/alerts/raise-alert");
const { dismissAlertAction, messageAlertDriverAction, stopAlertSessionAction } = await import("@/lib/actions/alerts");
const { GET } = await import("@/app/api/alerts/route");

const RUN = Math.random().toString(36).slice(2, 8);
let fleetId = "";
let otherFleetId = "";
const people: Record<"admin" | "dispatcher" | "manager" | "driver", string> = {
  admin: "",
  dispatcher: "",
  manager: "",
  driver: "",
};

function as(who: keyof typeof people, role: Role, fleet = fleetId) {
  signedIn.user = {
    id: people[who],
    email: `${who}-${RUN}@alerts.test`,
    name: who,
    memberships: [{ fleetId: fleet, role, fleetName: fleet }],
  };
}

let causes = 0;
function alert(extra: { sessionId?: string } = {}) {
  return raiseAlert({
    fleetId,
    kind: "session.no_energy",
    causeKey: `test:${RUN}:${++causes}`,
    facts: { charger: { name: "Depot 7" }, startedAt: "2026-12-03T08:00:00Z", minutes: 10 },
    driverId: people.driver,
    ...extra,
  });
}

const notices = (who: keyof typeof people, kind: string) =>
  db.notification.findMany({ where: { userId: people[who], kind } });

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: `Alerts org ${RUN}` } });
  const fleet = (name: string) =>
    db.fleet.create({ data: { organizationId: org.id, name, plugsurfingFleetId: `alerts-${name}-${RUN}` } });
  fleetId = (await fleet("a")).id;
  otherFleetId = (await fleet("b")).id;
  const roles = { admin: "ADMIN", dispatcher: "DISPATCHER", manager: "MANAGER", driver: "DRIVER" } as const;
  for (const who of Object.keys(people) as Array<keyof typeof people>) {
    people[who] = (
      await db.user.create({ data: { email: `${who}-${RUN}@alerts.test`, name: `${who} ${RUN}`, passwordHash: "x" } })
    ).id;
    await db.membership.create({ data: { userId: people[who], fleetId, role: roles[who] } });
  }
});

describe("announcing", () => {
  it("tells the admins and dispatchers of a new alert in their words, once per cause", async () => {
    const raised = await alert();
    const again = await raiseAlert({
      fleetId,
      kind: "session.no_energy",
      causeKey: `test:${RUN}:${causes}`,
      facts: { charger: { name: "Depot 7" }, startedAt: "2026-12-03T08:00:00Z", minutes: 10 },
    });
    expect([raised.raised, again.raised]).toEqual([true, false]);
    const mine = (who: keyof typeof people) =>
      notices(who, "alert.raised").then((rows) =>
        rows.filter((n) => (n.data as { alertId?: string }).alertId === raised.id),
      );
    expect((await mine("admin")).map((n) => n.title)).toEqual(["No energy at Depot 7"]);
    expect(await mine("dispatcher")).toHaveLength(1);
    expect([await mine("manager"), await mine("driver")]).toEqual([[], []]);
  });

  it("leaves an alert raised in a transaction to be announced after the commit", async () => {
    const before = (await notices("admin", "alert.raised")).length;
    await db.$transaction((tx) =>
      raiseAlert(
        {
          fleetId,
          kind: "session.stop_failed",
          causeKey: `test:${RUN}:tx`,
          facts: { charger: { name: "Depot 8" }, startedAt: "2026-12-03T08:00:00Z" },
        },
        tx,
      ),
    );
    expect(await notices("admin", "alert.raised")).toHaveLength(before);
  });
});

describe("dismissing", () => {
  it("needs a note, closes the alert once with who and when, and audits it", async () => {
    const { id } = await alert();
    as("dispatcher", "DISPATCHER");
    const empty = await dismissAlertAction({ fleetId, alertId: id, note: "  " });
    expect(empty.ok ? null : empty.error.fieldErrors?.note).toBeTruthy();
    expect(await dismissAlertAction({ fleetId, alertId: id, note: "Van is back at the depot" })).toMatchObject({
      ok: true,
    });
    const row = await db.alert.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "DISMISSED",
      resolution: "dismissed",
      note: "Van is back at the depot",
      closedById: people.dispatcher,
    });
    expect(row.closedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "alerts.dismiss", objectId: id } })).toBe(1);
    const twice = await dismissAlertAction({ fleetId, alertId: id, note: "again" });
    expect(twice.ok ? null : twice.error.code).toBe("CONFLICT");
    expect(await db.auditLog.count({ where: { action: "alerts.dismiss", objectId: id } })).toBe(1);
  });

  it("refuses drivers, managers and another fleet's staff", async () => {
    const { id } = await alert();
    for (const [who, role] of [
      ["driver", "DRIVER"],
      ["manager", "MANAGER"],
    ] as const) {
      as(who, role);
      const answer = await dismissAlertAction({ fleetId, alertId: id, note: "not mine" });
      expect(answer.ok ? null : answer.error.code).toBe("FORBIDDEN");
    }
    as("admin", "ADMIN", otherFleetId);
    const elsewhere = await dismissAlertAction({ fleetId: otherFleetId, alertId: id, note: "not ours" });
    expect(elsewhere.ok ? null : elsewhere.error.code).toBe("NOT_FOUND");
    expect((await db.alert.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
  });
});

describe("stopping the session", () => {
  it("keeps the alert open when the provider does not stop it", async () => {
    const session = await db.chargingSession.create({
      data: {
        source: "PLUGSURFING_SESSION",
        providerSessionId: `alerts-missing-${RUN}`,
        fleetId,
        driverId: people.driver,
        status: "ACTIVE",
        startTime: new Date(),
      },
    });
    const { id } = await alert({ sessionId: session.id });
    as("admin", "ADMIN");
    const answer = await stopAlertSessionAction({ fleetId, alertId: id });
    expect(answer.ok).toBe(false);
    expect(answer.ok ? "" : answer.error.message).not.toBe("");
    expect((await db.alert.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
    expect(await db.auditLog.count({ where: { action: "alerts.stop-session", objectId: id } })).toBe(0);
  });

  it("refuses an alert with no session", async () => {
    const { id } = await alert();
    as("admin", "ADMIN");
    const answer = await stopAlertSessionAction({ fleetId, alertId: id });
    expect(answer.ok ? null : answer.error.code).toBe("CONFLICT");
  });
});

describe("messaging the driver", () => {
  it("puts the message in the driver's bell and leaves the alert open", async () => {
    const { id } = await alert();
    as("dispatcher", "DISPATCHER");
    const empty = await messageAlertDriverAction({ fleetId, alertId: id, message: "" });
    expect(empty.ok ? null : empty.error.fieldErrors?.message).toBeTruthy();
    expect(await messageAlertDriverAction({ fleetId, alertId: id, message: "Please check the cable" })).toMatchObject({
      ok: true,
    });
    const [message] = (await notices("driver", "alert.message")).filter(
      (n) => (n.data as { alertId?: string }).alertId === id,
    );
    expect(message).toMatchObject({ body: "Please check the cable" });
    expect((await db.alert.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
    expect(await db.auditLog.count({ where: { action: "alerts.message-driver", objectId: id } })).toBe(1);
  });
});

describe("listing", () => {
  const read = async (query: Record<string, string>) => {
    const response = await GET(new Request(`http://localhost/api/alerts?${new URLSearchParams(query)}`));
    return { status: response.status, body: (await response.json()) as import("@/lib/alerts/list-alerts").AlertList };
  };

  it("pages through the fleet's own alerts, newest first, and keeps other fleets' out", async () => {
    for (let i = 0; i < 27; i++) await alert();
    const other = await raiseAlert({
      fleetId: otherFleetId,
      kind: "session.no_energy",
      causeKey: `test:${RUN}:other`,
      facts: { charger: { name: "Elsewhere" }, startedAt: "2026-12-03T08:00:00Z", minutes: 10 },
    });
    as("manager", "MANAGER");
    const total = await db.alert.count({ where: { fleetId } });
    const first = await read({ fleetId, status: "all" });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total, page: 1, pageSize: 25 });
    expect(first.body.rows).toHaveLength(25);
    const raised = first.body.rows.map((r) => r.raisedAt);
    expect(raised).toEqual([...raised].sort().reverse());
    const last = await read({ fleetId, status: "all", page: String(Math.ceil(total / 25)) });
    expect(last.body.rows).toHaveLength(total - 25 * (Math.ceil(total / 25) - 1));
    const ids = new Set([...first.body.rows, ...last.body.rows].map((r) => r.id));
    expect(ids.size).toBe(first.body.rows.length + last.body.rows.length);
    expect(ids.has(other.id)).toBe(false);
    // A page from the URL that is no page reads as the first.
    expect((await read({ fleetId, status: "all", page: "-3" })).body.page).toBe(1);
    // Another fleet's id is refused, not read.
    expect((await read({ fleetId: otherFleetId, status: "all" })).status).toBe(403);
    as("driver", "DRIVER");
    expect((await read({ fleetId, status: "all" })).status).toBe(403);
  });
});
