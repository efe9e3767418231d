import { describe, expect, it } from "vitest";
import { chargingPowerKw, fits, fittingConnectors, takesAc, takesDc, topUpMinutes } from "./compatibility";

const ccsVan = { connectorStandards: ["IEC_62196_T2", "IEC_62196_T2_COMBO"], batteryKwh: 90, maxAcKw: 11, maxDcKw: 80 };
const ccs = { standard: "IEC_62196_T2_COMBO", powerType: "DC", powerKw: 150 } as const;
const chademo = { standard: "CHADEMO", powerType: "DC", powerKw: 50 } as const;
const type2 = { standard: "IEC_62196_T2", powerType: "AC_3_PHASE", powerKw: 22 } as const;

describe("vehicle compatibility", () => {
  it("fits only the connectors the vehicle takes", () => {
    expect(fits(ccsVan, ccs)).toBe(true);
    expect(fits(ccsVan, chademo)).toBe(false);
    // A connector its provider does not name cannot be promised.
    expect(fits(ccsVan, { standard: undefined })).toBe(false);
    expect(fittingConnectors(ccsVan, [chademo, type2, ccs])).toEqual([ccs, type2]);
  });

  it("charges at the lower of the two limits, and at the connector's where the vehicle's is unknown", () => {
    expect(chargingPowerKw(ccsVan, ccs)).toBe(80);
    expect(chargingPowerKw(ccsVan, type2)).toBe(11);
    expect(chargingPowerKw({ ...ccsVan, maxDcKw: null }, ccs)).toBe(150);
  });

  it("estimates a 10–80 % top-up", () => {
    // 63 kWh at 80 kW: 47.25 minutes, rounded up.
    expect(topUpMinutes(ccsVan, ccs)).toBe(48);
    // 63 kWh at 11 kW: 343.6 minutes.
    expect(topUpMinutes(ccsVan, type2)).toBe(344);
  });

  it("tells AC from DC inlets", () => {
    expect([takesAc(["IEC_62196_T2_COMBO"]), takesDc(["IEC_62196_T2_COMBO"])]).toEqual([false, true]);
    expect([takesAc(["IEC_62196_T2"]), takesDc(["IEC_62196_T2"])]).toEqual([true, false]);
    expect([takesAc(["TESLA_S"]), takesDc(["TESLA_S"])]).toEqual([true, true]);
  });
});
