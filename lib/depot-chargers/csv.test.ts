import { describe, expect, it } from "vitest";
import { failureWords } from "@/lib/actions/errors";
import { parseCsvRecords } from "@/lib/csv/read-csv";
import { CSV_EXAMPLE, parseDepotChargersCsv, writeDepotChargersCsv } from "./csv";

const HEADER = "charger_id,name,latitude,longitude,connectors,address,time_zone";

describe("parseCsvRecords", () => {
  it("keeps delimiters, doubled quotes and line breaks inside quoted cells", () => {
    expect(parseCsvRecords('a,"b, c","say ""hi""","two\nlines"\r\nd,,,\n', ",")).toEqual([
      ["a", "b, c", 'say "hi"', "two\nlines"],
      ["d", "", "", ""],
    ]);
  });
});

describe("parseDepotChargersCsv", () => {
  it("reads the documented example", () => {
    const { chargers, errors } = parseDepotChargersCsv(CSV_EXAMPLE);
    expect(errors).toEqual([]);
    expect(chargers).toEqual([
      {
        chargerId: "BER-CH01",
        name: "Tempelhof DC 1",
        latitude: 52.4668,
        longitude: 13.3951,
        address: "Ordensmeisterstraße 14, 12099 Berlin",
        timeZone: "Europe/Berlin",
        connectors: [{ connectorId: "1", standard: "IEC_62196_T2_COMBO", powerKw: 150 }],
      },
      {
        chargerId: "BER-CH05",
        name: "Tempelhof AC 5",
        latitude: 52.4672,
        longitude: 13.3953,
        address: undefined,
        timeZone: undefined,
        connectors: [
          { connectorId: "1", standard: "IEC_62196_T2", powerKw: 22 },
          { connectorId: "2", standard: "IEC_62196_T2", powerKw: 22 },
        ],
      },
    ]);
  });

  it("reads a German spreadsheet export: semicolons, decimal commas, a BOM, headers in other spelling", () => {
    const csv =
      "\uFEFFCharger ID;Name;Latitude;Longitude;Connectors\r\nMUC-1;Freimann 1;48,1961;11,6131;1:iec_62196_t2:11\r\n";
    const { chargers, errors } = parseDepotChargersCsv(csv);
    expect(errors).toEqual([]);
    expect(chargers[0]).toMatchObject({
      chargerId: "MUC-1",
      latitude: 48.1961,
      longitude: 11.6131,
      connectors: [{ connectorId: "1", standard: "IEC_62196_T2", powerKw: 11 }],
    });
  });

  it("reports every problem of every row, with the row number a spreadsheet shows", () => {
    const csv = [
      HEADER,
      "OK-1,Good,52.5,13.4,1:IEC_62196_T2:22,,",
      ",No id,95,13.4,1:IEC_62196_T2:22,,",
      "BAD-2,Bad plug,52.5,abc,1:TYPE_9:22|1:IEC_62196_T2:-3,,Mars/Olympus",
      "BAD-3,Bad cell,52.5,13.4,1-IEC_62196_T2-22,,",
      "OK-1,Again,52.5,13.4,1:IEC_62196_T2:22,,",
    ].join("\n");
    const { chargers, errors } = parseDepotChargersCsv(csv);
    expect(chargers.map((c) => c.chargerId)).toEqual(["OK-1"]);
    expect(errors.map((e) => e.row)).toEqual([3, 4, 5, 6]);
    expect(errors[0].messages).toEqual([
      "charger_id: Enter the charger id",
      "latitude: Latitude is between -90 and 90",
    ]);
    expect(errors[1].messages).toEqual(
      expect.arrayContaining([
        "longitude: Enter the longitude as a number, e.g. 13.3953",
        "time_zone: Enter an IANA time zone, e.g. Europe/Berlin",
        "connector 1 (standard): Choose a connector standard (OCPI name, e.g. IEC_62196_T2)",
        "connector 2 (powerKw): Power must be more than 0 kW",
        "connectors: Each connector id can appear only once per charger",
      ]),
    );
    expect(errors[2].messages).toEqual([
      "connectors: “1-IEC_62196_T2-22” should read connector id:standard:kW, e.g. 1:IEC_62196_T2:22",
    ]);
    expect(errors[3]).toEqual({ row: 6, chargerId: "OK-1", messages: ["charger_id: “OK-1” is already on row 2."] });
  });

  it("explains a wrong header instead of guessing", () => {
    const { errors } = parseDepotChargersCsv("charger_id,name,lat,lng,connectors\nA,B,1,2,1:CHADEMO:50");
    expect(errors).toEqual([
      {
        row: 1,
        messages: [
          "The header has no “latitude” column.",
          "The header has no “longitude” column.",
          "“lat” is not a column of this format (expected charger_id, name, latitude, longitude, connectors, address, time_zone).",
          "“lng” is not a column of this format (expected charger_id, name, latitude, longitude, connectors, address, time_zone).",
        ],
      },
    ]);
  });

  it("says so when there is nothing to import", () => {
    expect(parseDepotChargersCsv("").errors[0].messages).toEqual(["The file is empty."]);
    expect(parseDepotChargersCsv(`${HEADER}\n\n`).errors[0]).toEqual({
      row: 2,
      messages: ["The file has no chargers."],
    });
  });

  it("says every problem in the reader's language", () => {
    const german = failureWords("de");
    const csv = [HEADER, ",Kein Name,95,13.4,1-IEC_62196_T2-22,,", "A-1,Zwei,52.5,13.4,1:IEC_62196_T2:0,,"];
    const { errors } = parseDepotChargersCsv(csv.join("\n"), german);
    expect(errors).toEqual([
      {
        row: 2,
        messages: [
          "connectors: „1-IEC_62196_T2-22“ sollte Anschluss-ID:Standard:kW lauten, z. B. 1:IEC_62196_T2:22",
          "charger_id: Geben Sie die ID der Ladestation ein",
          "latitude: Der Breitengrad liegt zwischen -90 und 90",
        ],
      },
      { row: 3, chargerId: "A-1", messages: ["Anschluss 1 (powerKw): Die Leistung muss größer als 0 kW sein"] },
    ]);
    expect(parseDepotChargersCsv("", german).errors[0].messages).toEqual(["Die Datei ist leer."]);
  });

  it("writes what it reads", () => {
    const { chargers } = parseDepotChargersCsv(CSV_EXAMPLE);
    const again = parseDepotChargersCsv(writeDepotChargersCsv(chargers));
    expect(again.errors).toEqual([]);
    expect(again.chargers).toEqual(chargers);
  });
});
