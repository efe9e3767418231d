// Setting and removing spending policies: the checks only the whole form can make, overrides only for the fleet's
// own drivers, one policy per fleet, driver or vehicle, and an audit entry with before and after.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestFleet, type TestFleet } from "@/lib/bookings/testing/fixtures";
import { db } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import { listPolicies } from "./list-policies";
import { removePolicy, setPolicy } from "./manage";
import { setPolicyInput } from "./schemas";

let fleet: TestFleet;
let other: TestFleet;

async function fieldsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return Object.keys(error.fieldErrors ?? {});
}

beforeAll(async () => {
  fleet = await createTestFleet("Policy admin");
  other = await createTestFleet("Policy elsewhere");
});

describe("setting a spending policy", () => {
  const actor = () => ({ actorId: fleet.dispatcherId, ip: null });

  it("refuses caps without a currency and hours with one end", async () => {
    const input = setPolicyInput.parse({ fleetId: fleet.fleetId, sessionCapMinor: 2_500, allowedFromMinute: 60 });
    expect(await fieldsOf(setPolicy(input, actor()))).toEqual(["currency", "allowedToMinute"]);
  });

  it("refuses an override for another fleet's driver", async () => {
    const input = setPolicyInput.parse({ fleetId: fleet.fleetId, userId: other.driverId, currency: "EUR" });
    expect(await fieldsOf(setPolicy(input, actor()))).toEqual(["userId"]);
  });

  it("keeps one policy per driver, replaced when set again, audited before and after, and removes it", async () => {
    const first = setPolicyInput.parse({
      fleetId: fleet.fleetId,
      userId: fleet.driverId,
      currency: "EUR",
      sessionCapMinor: 2_500,
    });
    const { id } = await setPolicy(first, actor());
    const again = await setPolicy({ ...first, sessionCapMinor: 4_000 }, actor());
    expect(again.id).toBe(id);
    const listed = await listPolicies(fleet.fleetId);
    expect(listed.policies).toEqual([expect.objectContaining({ id, sessionCapMinor: 4_000 })]);
    expect(listed.timeZone).toBe("Europe/Berlin");
    const entries = await db.auditLog.findMany({ where: { objectId: id }, orderBy: { at: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["policies.set", "policies.set"]);
    expect(entries[1]).toMatchObject({ before: { sessionCapMinor: 2_500 }, after: { sessionCapMinor: 4_000 } });
    expect(await removePolicy({ fleetId: fleet.fleetId, userId: fleet.driverId, vehicleId: null }, actor())).toEqual({
      removed: true,
    });
    expect(await db.spendingPolicy.count({ where: { fleetId: fleet.fleetId } })).toBe(0);
  });
});
