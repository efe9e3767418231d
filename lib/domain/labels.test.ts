import { describe, expect, it } from "vitest";
import { CONNECTOR_STANDARDS, EVSE_STATUSES } from "./location";
import { connectorLabel, evseStatusLabel } from "./labels";

describe("domain words", () => {
  it("names every connector standard in words", () => {
    expect(connectorLabel("IEC_62196_T2_COMBO")).toBe("CCS (Type 2)");
    expect(connectorLabel("IEC_62196_T2")).toBe("Type 2");
    expect(connectorLabel("CHADEMO")).toBe("CHAdeMO");
    for (const standard of CONNECTOR_STANDARDS) expect(connectorLabel(standard)).not.toMatch(/_|^[A-Z0-9]+$/);
    expect(connectorLabel("NEMA_14_50")).toBe("Other connector");
  });

  it("names every EVSE status in words", () => {
    for (const status of EVSE_STATUSES) expect(evseStatusLabel(status)).not.toMatch(/^[A-Z_]+$/);
    expect(evseStatusLabel("CHARGING")).toBe("In use");
    expect(evseStatusLabel("SOMETHING_NEW")).toBe("Status unknown");
  });
});
