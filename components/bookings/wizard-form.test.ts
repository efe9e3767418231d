import { describe, expect, it } from "vitest";
import { createBookingInput } from "@/lib/bookings/schemas";
import { chargerValues, initialValues, stepOf } from "./wizard-form";

describe("the booking wizard's form", () => {
  it("finds the step that shows an error, the server's dotted paths included", () => {
    expect(stepOf(["windowEnd"])).toBe(1);
    expect(stepOf(["rfidValue", "charger.name"])).toBe(0);
    expect(stepOf(["customerId"])).toBe(2);
    expect(stepOf(["fleetId", "_form"])).toBeNull();
  });

  it("starts with exactly what the action takes, asking first for a charger", () => {
    const values = initialValues({ fleetId: "f1", provider: "PETITMONDE", prefilled: null });
    expect(values).toMatchObject({ fleetId: "f1", provider: "PETITMONDE", tokenStrategy: "GROUP_TOKEN" });
    const parsed = createBookingInput.safeParse(values);
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["locationId", "evseUid", "windowStart", "windowEnd"]));
    expect(stepOf(paths)).toBe(0);
  });

  it("takes a chosen charge point's ids and snapshot", () => {
    const charger = { name: "Depot", latitude: 52.5, longitude: 13.4, timeZone: "Europe/Berlin", reservable: true };
    expect(chargerValues({ locationId: "L1", evseUid: "E1", connectorId: "1", charger })).toEqual({
      locationId: "L1",
      evseUid: "E1",
      connectorId: "1",
      charger,
    });
  });
});
