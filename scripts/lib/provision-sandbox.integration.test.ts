// First start against the sandbox: the demo fleets (with their vans) get the sandbox's depot chargers at their
// depots, once.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { provisionSandbox } from "./provision-sandbox";
import { DEMO_FLEETS, seedDemoData } from "./seed";

describe("provisionSandbox", () => {
  it("configures each demo fleet's depot chargers from the sandbox, and leaves a later deletion alone", async () => {
    const url = process.env.DATABASE_URL!;
    expect((await seedDemoData(url)).seeded).toBe(true);
    // The demo vans, at their fleet's depot, with their regular drivers.
    const vans = await db.vehicle.findMany({
      where: { fleet: { plugsurfingFleetId: DEMO_FLEETS.berlin.plugsurfingFleetId } },
      include: { homeDepot: true, defaultDriver: true },
      orderBy: { plateKey: "asc" },
    });
    expect(vans.map((v) => [v.plate, v.homeDepot?.name, v.defaultDriver?.email ?? null])).toEqual([
      ["B-BV 101", "Berlin depot Tempelhof", "driver@demo.fleet"],
      ["B-BV 102", "Berlin depot Tempelhof", "driver2@demo.fleet"],
      ["B-BV 103", "Berlin depot Tempelhof", null],
      ["B-BV 104", "Berlin depot Tempelhof", null],
      ["B-BV 105", "Berlin depot Tempelhof", null],
    ]);
    const lines: string[] = [];
    await provisionSandbox(url, process.env.SANDBOX_URL!, (line) => lines.push(line));
    expect(lines.at(-1)).toMatch(/18 depot chargers/);

    const chargerIds = async (plugsurfingFleetId: string) =>
      (await db.depotCharger.findMany({ where: { fleet: { plugsurfingFleetId } }, orderBy: { chargerId: "asc" } })).map(
        (c) => c.chargerId,
      );
    const berlin = await chargerIds(DEMO_FLEETS.berlin.plugsurfingFleetId);
    expect(berlin).toHaveLength(10);
    expect(berlin.every((id) => id.startsWith("BER-"))).toBe(true);
    expect((await chargerIds(DEMO_FLEETS.munich.plugsurfingFleetId)).every((id) => id.startsWith("MUC-"))).toBe(true);

    await db.depotCharger.deleteMany({
      where: { fleet: { plugsurfingFleetId: DEMO_FLEETS.berlin.plugsurfingFleetId } },
    });
    await provisionSandbox(url, process.env.SANDBOX_URL!, () => undefined);
    expect(await chargerIds(DEMO_FLEETS.berlin.plugsurfingFleetId)).toEqual([]);
  });
});
