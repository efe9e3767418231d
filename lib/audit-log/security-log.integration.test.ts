// The organisation's security log: the entries that belong to no fleet — sign-ins, failures, lock-outs,
// password changes, refusals — of the organisation's people, and refusals aimed at its fleets; nothing of
// another organisation. And the audit log's CSV download: what the filters match, in words, for admins only.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { auditCsv } from "./audit-csv";
import { auditFilterOptions, exportAuditEntries, listAuditEntries, securityView } from "./list-audit-entries";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

let fleetA: string;
let fleetB: string;
let otherOrgFleet: string;
let ada: string;
let dora: string;
let mallory: string;
let oskar: string;

beforeAll(async () => {
  const org = await db.organization.create({ data: { name: "Security org" } });
  const other = await db.organization.create({ data: { name: "Elsewhere" } });
  const fleet = (organizationId: string, name: string) =>
    db.fleet.create({ data: { organizationId, name, plugsurfingFleetId: `sec-${name}` } }).then((f) => f.id);
  fleetA = await fleet(org.id, "a");
  fleetB = await fleet(org.id, "b");
  otherOrgFleet = await fleet(other.id, "x");
  const user = (email: string, name: string) =>
    db.user.create({ data: { email, name, passwordHash: "x" } }).then((u) => u.id);
  ada = await user("ada@sec.test", "Ada Admin");
  dora = await user("dora@sec.test", "Dora Driver");
  mallory = await user("mallory@sec.test", "Mallory Outsider");
  oskar = await user("oskar@sec.test", "Oskar Elsewhere");
  await db.membership.createMany({
    data: [
      { userId: ada, fleetId: fleetA, role: "ADMIN" },
      { userId: dora, fleetId: fleetB, role: "DRIVER" },
      { userId: mallory, fleetId: otherOrgFleet, role: "ADMIN" },
      { userId: oskar, fleetId: otherOrgFleet, role: "DRIVER" },
    ],
  });
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 8, minute));
  await db.auditLog.createMany({
    data: [
      { at: at(1), actorId: ada, action: "auth.sign-in", objectType: "User", objectId: ada, ip: "198.51.100.4" },
      { at: at(2), actorId: dora, action: "auth.sign-in-failed", objectType: "User", objectId: dora },
      { at: at(3), actorId: dora, action: "auth.locked-out", objectType: "User", objectId: dora },
      { at: at(4), actorId: dora, action: "account.change-password", objectType: "User", objectId: dora },
      // An outsider refused at one of this organisation's fleets: filed under no fleet, shown here.
      {
        at: at(5),
        actorId: mallory,
        action: "auth.denied",
        objectType: "Action",
        objectId: "keys.assign",
        after: { requestedFleetId: fleetB },
      },
      // The other organisation's own security events, and a fleet change: not in this log.
      { at: at(6), actorId: oskar, action: "auth.sign-in", objectType: "User", objectId: oskar },
      { at: at(7), actorId: mallory, action: "auth.sign-out", objectType: "User", objectId: mallory },
      {
        at: at(8),
        actorId: oskar,
        action: "auth.denied",
        objectType: "Route",
        objectId: "reports.get",
        after: { requestedFleetId: otherOrgFleet },
      },
      { at: at(9), actorId: ada, fleetId: fleetA, action: "fleets.rename", objectType: "Fleet", objectId: fleetA },
    ],
  });
});

describe("the security log", () => {
  it("shows the organisation's sign-in events and the refusals aimed at its fleets, nothing of another's", async () => {
    const { entries } = await listAuditEntries(await securityView(fleetA));
    expect(entries.map((e) => e.sentence)).toEqual([
      "Mallory Outsider was refused permission to assign a charging key",
      "Dora Driver changed their password",
      "Dora Driver was locked out after failed sign-ins",
      "Dora Driver failed to sign in",
      "Ada Admin signed in",
    ]);
    // The same log from either of the organisation's fleets.
    const fromB = await listAuditEntries(await securityView(fleetB));
    expect(fromB.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    // The other organisation's admins see their own people only — Mallory's probe of this organisation too.
    const elsewhere = await listAuditEntries(await securityView(otherOrgFleet));
    expect(elsewhere.entries.map((e) => e.sentence)).toEqual([
      "Oskar Elsewhere was refused permission to read the cost report",
      "Mallory Outsider signed out",
      "Oskar Elsewhere signed in",
      "Mallory Outsider was refused permission to assign a charging key",
    ]);
  });

  it("keeps fleet changes in the fleet's log, out of the security log", async () => {
    const fleetLog = await listAuditEntries(fleetA);
    expect(fleetLog.entries.map((e) => e.action)).toEqual(["fleets.rename"]);
  });

  it("filters by action and person, with choices in words", async () => {
    const view = await securityView(fleetA);
    const doras = await listAuditEntries(view, { actorId: dora, action: "auth.locked-out" });
    expect(doras.entries.map((e) => e.sentence)).toEqual(["Dora Driver was locked out after failed sign-ins"]);
    const options = await auditFilterOptions(view);
    expect(options.actors.map((a) => a.label)).toEqual(["Ada Admin", "Dora Driver", "Mallory Outsider"]);
    expect(options.actions.map((a) => a.label)).toContain("Was locked out after failed sign-ins");
  });
});

describe("the audit log as CSV", () => {
  it("has a row per entry with the sentence, the action in words, the details and the address", async () => {
    const entries = await exportAuditEntries(await securityView(fleetA), { actorId: ada }, "UTC", 1000);
    const [header, row, ...rest] = auditCsv(entries, "en")
      .trim()
      .split("\r\n")
      .map((line) => line.slice(1, -1).split('","'));
    expect(header).toEqual([
      "When (UTC)",
      "Who",
      "What happened",
      "Action",
      "Object type",
      "Object ID",
      "Before",
      "After",
      "IP address",
    ]);
    expect(rest).toEqual([]);
    expect(row).toEqual([
      expect.stringMatching(/^2026-12-01[T ]08:01/),
      "Ada Admin",
      "Ada Admin signed in",
      "Signed in",
      expect.any(String),
      ada,
      "",
      "",
      "198.51.100.4",
    ]);
  });

  it("is served to the fleet's admins with the page's filters, and refused to everyone else", async () => {
    const { GET } = await import("@/app/api/audit/export/route");
    const as = (id: string, fleetId: string, role: "ADMIN" | "DRIVER"): CurrentUser => ({
      id,
      email: `${id}@sec.test`,
      name: id,
      memberships: [{ fleetId, role, fleetName: "a" }],
    });
    session.user = as(ada, fleetA, "ADMIN");
    const response = await GET(
      new Request(`http://localhost/api/audit/export?fleetId=${fleetA}&view=security&action=auth.locked-out`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Dora Driver was locked out after failed sign-ins");

    const fleetLog = await GET(new Request(`http://localhost/api/audit/export?fleetId=${fleetA}`));
    expect((await fleetLog.text()).trim().split(/\r?\n/)).toHaveLength(2); // header + the rename

    session.user = as(dora, fleetB, "DRIVER");
    const refused = await GET(new Request(`http://localhost/api/audit/export?fleetId=${fleetB}&view=security`));
    expect(refused.status).toBe(403);
    const badDay = await GET(new Request(`http://localhost/api/audit/export?fleetId=${fleetA}&from=2026-02-30`));
    expect(badDay.status).toBeLessThan(500);
  });
});
