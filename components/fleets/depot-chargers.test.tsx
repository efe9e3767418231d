import { describe, expect, it } from "vitest";
import type { DepotChargerRow } from "@/lib/depot-chargers/depot-chargers";
import { renderedText } from "@/tests/support/intl";
import { DepotChargerImport } from "./depot-charger-import-client";
import { DepotChargerList } from "./depot-charger-list";

const text = renderedText;

const charger: DepotChargerRow = {
  id: "c1",
  chargerId: "BER-CH01",
  name: "Tempelhof DC 1",
  latitude: 52.4668,
  longitude: 13.3951,
  address: "Ordensmeisterstraße 14",
  timeZone: "Europe/Berlin",
  connectors: [
    { connectorId: "1", standard: "IEC_62196_T2_COMBO", powerKw: 150 },
    { connectorId: "2", standard: "SOMETHING_NEW" as DepotChargerRow["connectors"][number]["standard"], powerKw: 22 },
  ],
  updatedAt: "2025-01-01T00:00:00.000Z",
};

const noop = () => {};
const csv = (rows: string[]) => ["charger_id,name,latitude,longitude,connectors", ...rows].join("\n");

describe("DepotChargerList", () => {
  it("names connectors in words, and an unknown standard as it is stored", () => {
    const shown = text(<DepotChargerList chargers={[charger]} actions={() => null} />);
    expect(shown).toContain("Name Charger id Connectors Position Address Actions");
    expect(shown).toContain("1 · CCS (Type 2) · 150 kW");
    expect(shown).toContain("2 · SOMETHING_NEW · 22 kW");
  });

  it("speaks German", () => {
    const shown = text(<DepotChargerList chargers={[charger]} actions={() => null} />, "de");
    expect(shown).toContain("Name Ladestations-ID Anschlüsse Position Adresse Aktionen");
    expect(shown).toContain("1 · CCS (Typ 2) · 150 kW");
  });
});

describe("DepotChargerImport", () => {
  const one = csv(["BER-CH01,Tempelhof DC 1,52.4668,13.3951,1:IEC_62196_T2_COMBO:150"]);
  const two = csv([
    "BER-CH01,Tempelhof DC 1,52.4668,13.3951,1:IEC_62196_T2_COMBO:150",
    "BER-CH05,Tempelhof AC 5,52.4672,13.3953,1:IEC_62196_T2:22",
  ]);

  it("counts the chargers ready to import", () => {
    expect(text(<DepotChargerImport fleetId="f" initialCsv={one} onDone={noop} onCancel={noop} />)).toContain(
      "1 charger ready to import. Import 1 charger Cancel",
    );
    expect(text(<DepotChargerImport fleetId="f" initialCsv={two} onDone={noop} onCancel={noop} />)).toContain(
      "2 chargers ready to import. Import 2 chargers Cancel",
    );
    expect(text(<DepotChargerImport fleetId="f" initialCsv={two} onDone={noop} onCancel={noop} />, "de")).toContain(
      "2 Ladestationen bereit zum Import. 2 Ladestationen importieren Abbrechen",
    );
  });

  it("says how many rows need fixing", () => {
    const broken = csv(["BER-CH01,Tempelhof DC 1,52.4668,13.3951,nonsense"]);
    const shown = text(<DepotChargerImport fleetId="f" initialCsv={broken} onDone={noop} onCancel={noop} />);
    expect(shown).toContain("1 row needs fixing; nothing will be imported until then.");
    expect(shown).toContain("Row 2 (BER-CH01):");
    const german = text(<DepotChargerImport fleetId="f" initialCsv={broken} onDone={noop} onCancel={noop} />, "de");
    expect(german).toContain("1 Zeile muss korrigiert werden; bis dahin wird nichts importiert.");
    expect(german).toContain("Zeile 2 (BER-CH01):");
  });
});
