import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { translator } from "@/lib/i18n/messages";
import type { CostFigures, CostReport } from "@/lib/reports/cost-report";
import { renderedText, withIntl } from "@/tests/support/intl";
import { CostBreakdown } from "./cost-breakdown";
import { PeriodControls } from "./period-controls";
import { ReportTotals } from "./report-totals";

const text = renderedText;

const eur = (sessions: number, inclVatMinor: number): CostFigures => ({
  currency: "EUR",
  sessions,
  energyWh: 10_000,
  exclVatMinor: Math.round(inclVatMinor / 1.19),
  vatMinor: inclVatMinor - Math.round(inclVatMinor / 1.19),
  inclVatMinor,
  perKwhMinor: 49,
});
const unpriced: CostFigures = { ...eur(1, 0), currency: null, perKwhMinor: null };

const report: CostReport = {
  period: { from: "2026-03-01", to: "2026-03-31", timeZone: "Europe/Berlin" },
  totals: [eur(1, 3570), unpriced],
  comparison: {
    period: { from: "2026-01-29", to: "2026-02-28" },
    changes: [
      {
        currency: "EUR",
        current: eur(1, 3570),
        previous: eur(2, 2380),
        sessionsChange: -1,
        energyWhChange: 0,
        inclVatChangeMinor: 1190,
        inclVatChangePercent: 50,
      },
      {
        currency: null,
        current: unpriced,
        previous: { ...unpriced, sessions: 3 },
        sessionsChange: -2,
        energyWhChange: 0,
        inclVatChangeMinor: null,
        inclVatChangePercent: null,
      },
    ],
  },
  byMonth: [],
  byDriver: [],
  byFleet: [],
  byOperator: [],
  byVehicle: [],
  noShowFees: [],
};

describe("report totals", () => {
  it("says each currency's total and its change in English", () => {
    const shown = text(<ReportTotals report={report} />);
    expect(shown).toContain("Total EUR");
    expect(shown).toContain("€11.90 more than the previous period (€23.80), +50%.");
    expect(shown).toContain("1 session · 10.00 kWh · €0.49 per kWh");
    expect(shown).toContain("No price");
    expect(shown).toContain("Previous period: 3 sessions without a price.");
    expect(shown).toContain("counted under “No price”.");
  });

  it("says them in German", () => {
    const shown = text(<ReportTotals report={report} />, "de");
    expect(shown).toContain("Summe EUR");
    expect(shown).toContain("mehr als im vorherigen Zeitraum");
    expect(shown).toContain("1 Ladevorgang");
    expect(shown).toContain("Vorheriger Zeitraum: 3 Ladevorgänge ohne Preis.");
    expect(shown).not.toContain("previous period");
  });
});

describe("cost breakdown", () => {
  const reports = translator("en", "reports");
  const empty = (
    <CostBreakdown
      title={reports("breakdowns.driver.title")}
      keyHeader={reports("breakdowns.driver.keyHeader")}
      rows={[]}
      currency={null}
      exportHref="/x"
      kind="driver"
    />
  );

  it("names its columns and says when the period is empty", () => {
    const shown = text(empty);
    expect(shown).toContain("Driver Currency Sessions Energy Excl. VAT VAT Incl. VAT Per kWh");
    expect(shown).toContain("No costs to chart in this period.");
    expect(shown).toContain("Nothing in this period.");
    expect(renderToStaticMarkup(withIntl(empty))).toContain('aria-label="Cost per driver table"');
  });

  it("does so in German", () => {
    const shown = text(empty, "de");
    expect(shown).toContain("Währung Ladevorgänge Energie");
    expect(shown).toContain("CSV herunterladen");
  });
});

describe("period controls", () => {
  const controls = (
    <PeriodControls range={{ from: "2026-03-01", to: "2026-03-31" }} timeZone="UTC" onChange={() => {}} />
  );

  it("offers the presets", () => {
    expect(text(controls)).toContain("This month Last month This quarter This year");
    expect(text(controls, "de")).toContain("Dieser Monat Letzter Monat Dieses Quartal Dieses Jahr");
  });
});
