import { describe, expect, it } from "vitest";
import { createFormatter } from "@/lib/format";
import type { Language } from "@/lib/i18n/languages";
import { translator } from "@/lib/i18n/messages";
import { EMPTY_FILTERS } from "@/lib/search/filters";
import type { ChargerResult } from "@/lib/search/types";
import { renderedText } from "@/tests/support/intl";
import { ChargerPanel } from "./charger-panel";
import { emptyResultsMessage } from "./empty-message";
import { ResultsList } from "./results-list";

const text = renderedText;

const charger: ChargerResult = {
  key: "PETITMONDE:loc-1",
  name: "Depot Tempelhof",
  address: "Tempelhofer Damm 1",
  postalCode: "12101",
  city: "Berlin",
  latitude: 52.47,
  longitude: 13.38,
  timeZone: "Europe/Berlin",
  openingTimes: { twentyFourSeven: false, regularHours: [{ weekday: 1, periodBegin: "08:00", periodEnd: "20:00" }] },
  distanceM: 1200,
  maxPowerKw: 150,
  availability: "occupied",
  availableEvses: 0,
  evses: [
    {
      evseId: "DE*PMO*E1*1",
      status: "CHARGING",
      connectors: [{ id: "1", standard: "IEC_62196_T2_COMBO", powerType: "DC", powerKw: 150 }],
      offers: [
        {
          provider: "PETITMONDE",
          locationId: "loc-1",
          evseUid: "evse-1",
          status: "CHARGING",
          capabilities: ["RESERVABLE", "REMOTE_START_STOP_CAPABLE"],
          connectors: [{ id: "1", standard: "IEC_62196_T2_COMBO", powerType: "DC", powerKw: 150 }],
          reservable: true,
          remoteStart: true,
        },
      ],
      matchesFilters: true,
    },
  ],
  sources: [{ provider: "PETITMONDE", locationId: "loc-1", supportsReservation: true }],
};

const noop = () => undefined;

describe("the map's words", () => {
  it("say which filters left the list empty, in both languages", () => {
    const filters = { ...EMPTY_FILTERS, minPowerKw: 50, connectors: ["IEC_62196_T2" as const], availableNow: true };
    const message = (language: Language, locale: string) =>
      emptyResultsMessage(
        filters,
        createFormatter({ locale }),
        translator(language, "map"),
        translator(language, "common"),
      );
    expect(message("en", "en-GB")).toBe(
      "No chargers with ≥50 kW, Type 2, free now here — widen the area or lower the power filter.",
    );
    expect(message("de", "de-DE")).toBe(
      "Hier gibt es keine Ladestationen mit diesen Filtern (≥50 kW, Typ 2, jetzt frei) – vergrößern Sie den Bereich oder senken Sie die Mindestleistung.",
    );
    expect(
      emptyResultsMessage(EMPTY_FILTERS, createFormatter(), translator("en", "map"), translator("en", "common")),
    ).toBe("No chargers here — widen the area or move the map.");
  });

  it("count the chargers in view with a plural", () => {
    const list = (chargers: ChargerResult[], language: Language = "en") =>
      text(
        <ResultsList chargers={chargers} selectedKey={null} hoveredKey={null} onSelect={noop} onHover={noop} />,
        language,
      );
    expect(list([charger])).toContain("1 charger in view");
    expect(list([charger, { ...charger, key: "PETITMONDE:loc-2" }])).toContain("2 chargers in view");
    expect(list([charger])).toContain("Occupied");
    expect(list([charger])).toContain("0/1 free");
    expect(list([charger], "de")).toContain("1 Ladestation im Kartenausschnitt");
    expect(list([charger], "de")).toContain("Belegt");
  });

  it("describe the selected charger", () => {
    const panel = (language: Language) =>
      text(<ChargerPanel charger={charger} fleetId="f1" onClose={noop} />, language);
    const english = panel("en");
    expect(english).toContain("Opening hours");
    expect(english).toMatch(/Mon 08:00–20:00 Tue Closed/);
    expect(english).toContain("Charge points (1)");
    expect(english).toContain("In use — start is offered when it is free.");
    expect(english).toContain("CCS (Type 2) 150 kW DC");
    expect(english).toContain("Local time at the charger (Europe/Berlin).");
    expect(english).toContain("Book");

    const german = panel("de");
    expect(german).toContain("Öffnungszeiten");
    expect(german).toMatch(/Mo 08:00–20:00 Di Geschlossen/);
    expect(german).toContain("Ladepunkte (1)");
    expect(german).toContain("Belegt – der Start wird angeboten, sobald der Ladepunkt frei ist.");
    expect(german).toContain("CCS (Typ 2)");
    expect(german).toContain("Buchen");
  });
});
