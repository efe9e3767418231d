// An alert is raised once per cause in a fleet, also inside a transaction that goes on after the repeat, and is
// closed as resolved when its cause goes away.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestFleet } from "@/lib/bookings/testing/fixtures";
import { raiseAlert, resolveAlerts } from "./raise-alert";

const facts = { charger: { name: "Depot Nord" }, startedAt: "2026-12-03T08:00:00Z", minutes: 10 };

describe("raiseAlert", () => {
  it("raises one alert per cause, however often the cause is seen", async () => {
    const { fleetId } = await createTestFleet();
    const first = await raiseAlert({ fleetId, kind: "session.no_energy", causeKey: "session:s1:no-energy", facts });
    const again = await raiseAlert({ fleetId, kind: "session.no_energy", causeKey: "session:s1:no-energy", facts });
    expect(first.raised).toBe(true);
    expect(again).toEqual({ id: first.id, raised: false });
    expect(await db.alert.count({ where: { fleetId } })).toBe(1);
  });

  it("leaves a transaction usable after a repeated cause", async () => {
    const { fleetId } = await createTestFleet();
    await raiseAlert({ fleetId, kind: "session.no_energy", causeKey: "session:s2:no-energy", facts });
    await db.$transaction(async (tx) => {
      const repeat = await raiseAlert(
        { fleetId, kind: "session.no_energy", causeKey: "session:s2:no-energy", facts },
        tx,
      );
      expect(repeat.raised).toBe(false);
      await raiseAlert({ fleetId, kind: "session.stop_failed", causeKey: "session:s2:stop-failed", facts }, tx);
    });
    expect(await db.alert.count({ where: { fleetId } })).toBe(2);
  });

  it("closes the open alerts of a cause that went away, and only those", async () => {
    const { fleetId } = await createTestFleet();
    await raiseAlert({ fleetId, kind: "session.no_energy", causeKey: "session:s3:no-energy", facts });
    await raiseAlert({ fleetId, kind: "session.no_energy", causeKey: "session:s4:no-energy", facts });
    expect(await resolveAlerts(fleetId, ["session:s3:no-energy"])).toBe(1);
    const rows = await db.alert.findMany({ where: { fleetId }, orderBy: { causeKey: "asc" } });
    expect(rows.map((r) => [r.causeKey, r.status, r.resolution])).toEqual([
      ["session:s3:no-energy", "RESOLVED", "resolved"],
      ["session:s4:no-energy", "OPEN", null],
    ]);
    // A resolved cause seen again stays one (closed) alert rather than a second one.
    expect(
      (await raiseAlert({ fleetId, kind: "session.no_energy", causeKey: "session:s3:no-energy", facts })).raised,
    ).toBe(false);
  });
});
