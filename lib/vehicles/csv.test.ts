import { describe, expect, it } from "vitest";
import { connectorStandardFrom, parseVehiclesCsv, VEHICLE_CSV_EXAMPLE } from "./csv";

const HEADER = "plate,name,battery_kwh,connectors,max_ac_kw,max_dc_kw";

describe("parseVehiclesCsv", () => {
  it("reads the example, with connectors by their everyday names", () => {
    const { rows, errors, columns } = parseVehiclesCsv(VEHICLE_CSV_EXAMPLE);
    expect(errors).toEqual([]);
    expect(columns).toContain("home_depot");
    expect(rows.map((r) => [r.line, r.values.plate, r.values.connectorStandards])).toEqual([
      [2, "B-FC 1001", ["IEC_62196_T2", "IEC_62196_T2_COMBO"]],
      [3, "B-FC 1002", ["IEC_62196_T2", "CHADEMO"]],
    ]);
    expect(rows[0].references).toEqual({ homeDepot: "Berlin depot Tempelhof", defaultDriver: "driver@demo.fleet" });
    expect(rows[1].values.maxAcKw).toBe(6.6);
  });

  it("names every problem with its line and column, and reads German spreadsheets", () => {
    const csv = [
      "plate;name;battery_kwh;connectors;max_ac_kw;max_dc_kw",
      "m-üv 77e;Van;77,4;Type 2|CCS;11;135",
      ";No plate;60;Type 2;11;",
      "B-X 1;Bad;lots;Type 2|Mennekes++;;",
      "B X 1;Again;60;CCS;;",
    ].join("\r\n");
    const { rows, errors } = parseVehiclesCsv(csv);
    expect(rows.map((r) => [r.values.plate, r.values.batteryKwh])).toEqual([["M-ÜV 77E", 77.4]]);
    expect(errors.map((e) => [e.line, e.problems.map((p) => p.column)])).toEqual([
      [3, ["plate"]],
      [4, ["connectors", "battery_kwh", "max_ac_kw"]],
      [5, ["max_dc_kw", "plate"]],
    ]);
    expect(errors[1].problems[0].message).toContain("Mennekes++");
    expect(errors[2].problems[1].message).toBe("“B X 1” is already on line 4.");
    expect(errors[0].problems[0].message).toBe("Enter the number plate.");
  });

  it("refuses a header it does not know, before reading any line", () => {
    const { rows, errors } = parseVehiclesCsv("plate,battery,connectors\nB-A 1,60,CCS\n");
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(1);
    expect(errors[0].problems.map((p) => p.message)).toEqual([
      "The header has no “battery_kwh” column.",
      expect.stringContaining("“battery” is not a column"),
    ]);
  });

  it("says an empty file or a file without vehicles is empty", () => {
    expect(parseVehiclesCsv("\n\n").errors[0].problems[0].message).toBe("The file is empty.");
    expect(parseVehiclesCsv(`${HEADER}\n`).errors[0]).toMatchObject({ line: 2 });
  });
});

describe("connectorStandardFrom", () => {
  it("knows OCPI names in any case, and the names people use", () => {
    expect(connectorStandardFrom("iec_62196_t2_combo")).toBe("IEC_62196_T2_COMBO");
    expect(connectorStandardFrom(" CCS ")).toBe("IEC_62196_T2_COMBO");
    expect(connectorStandardFrom("Type  2")).toBe("IEC_62196_T2");
    expect(connectorStandardFrom("CHAdeMO")).toBe("CHADEMO");
    expect(connectorStandardFrom("Mennekes++")).toBeUndefined();
  });
});
