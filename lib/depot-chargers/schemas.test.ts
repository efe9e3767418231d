import { describe, expect, it } from "vitest";
import { addDepotChargerInput, depotChargerValues } from "./schemas";

const valid = {
  chargerId: "BER-CH01",
  name: "Tempelhof DC 1",
  latitude: "52.4668",
  longitude: "13.3951",
  address: "",
  timeZone: "",
  connectors: [{ connectorId: "1", standard: "IEC_62196_T2_COMBO", powerKw: "150" }],
};

function messages(input: unknown): Record<string, string[]> {
  const result = depotChargerValues.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("depotChargerValues", () => {
  it("takes what the form sends: strings become numbers, empty optional fields become undefined", () => {
    expect(depotChargerValues.parse(valid)).toEqual({
      chargerId: "BER-CH01",
      name: "Tempelhof DC 1",
      latitude: 52.4668,
      longitude: 13.3951,
      address: undefined,
      timeZone: undefined,
      connectors: [{ connectorId: "1", standard: "IEC_62196_T2_COMBO", powerKw: 150 }],
    });
  });

  it("tells a missing number from a wrong one, and never reads an empty field as 0", () => {
    expect(messages({ ...valid, latitude: "" })).toEqual({ latitude: ["Enter the latitude"] });
    expect(messages({ ...valid, longitude: "east" })).toEqual({
      longitude: ["Enter the longitude as a number, e.g. 13.3953"],
    });
    expect(messages({ ...valid, latitude: "-91" })).toEqual({ latitude: ["Latitude is between -90 and 90"] });
  });

  it("checks ids, standards, power, time zone and connector count in plain words", () => {
    expect(
      messages({
        ...valid,
        chargerId: "BER CH/01",
        timeZone: "Berlin",
        connectors: [
          { connectorId: "1", standard: "SCHUKO", powerKw: "0" },
          { connectorId: "1", standard: "IEC_62196_T2", powerKw: "22" },
        ],
      }),
    ).toEqual({
      chargerId: ["Use letters, digits, “.”, “-”, “_” or “:” only"],
      timeZone: ["Enter an IANA time zone, e.g. Europe/Berlin"],
      "connectors.0.standard": ["Choose a connector standard (OCPI name, e.g. IEC_62196_T2)"],
      "connectors.0.powerKw": ["Power must be more than 0 kW"],
      connectors: ["Each connector id can appear only once per charger"],
    });
    expect(messages({ ...valid, connectors: [] })).toEqual({ connectors: ["Add at least one connector"] });
  });

  it("names its fleet in the action input", () => {
    expect(addDepotChargerInput.safeParse(valid).success).toBe(false);
    expect(addDepotChargerInput.parse({ ...valid, fleetId: "f1" }).fleetId).toBe("f1");
  });
});
