// The sessions CSV written at once and in streamed pieces: the same bytes, in either language.
import { describe, expect, it } from "vitest";
import type { SessionListRow } from "./list-sessions";
import { sessionsCsv, sessionsCsvPieces } from "./sessions-csv";

const base: SessionListRow = {
  id: "s-1",
  source: "PLUGSURFING_SESSION",
  providerSessionId: "ps-1",
  status: "COMPLETE",
  balanceStatus: "PAID",
  startTime: "2026-03-01T08:15:00.000Z",
  endTime: "2026-03-01T09:00:00.000Z",
  durationSeconds: 2700,
  energyWh: 12_345,
  priceExclVatMinor: 1000,
  priceInclVatMinor: 1190,
  vatRateBasisPoints: 1900,
  currency: "EUR",
  chargerName: 'Depot "North", bay 2',
  evseId: "DE*ABC*E1",
  operatorName: "DE*ABC",
  country: "DE",
  driverId: "d-1",
  driverName: "Jörg Müller",
  keyLabel: "Card 1",
  vehicleId: null,
  vehicleLabel: null,
  odometerKm: null,
  paymentMethod: null,
  receiptAvailable: false,
  site: null,
};

const rows: SessionListRow[] = [
  base,
  { ...base, id: "s-2", status: "FAILED", endTime: null, durationSeconds: null, energyWh: null, currency: null },
  { ...base, id: "s-3", status: "SOMETHING_NEW", driverName: "=1+1", currency: "JPY", priceInclVatMinor: 1200 },
  { ...base, id: "s-4", priceExclVatMinor: null, vatRateBasisPoints: null, chargerName: "line\nbreak" },
];

async function streamed(chunks: SessionListRow[][], language: "en" | "de") {
  async function* source() {
    yield* chunks;
  }
  let out = "";
  for await (const piece of sessionsCsvPieces(source(), language)) out += piece;
  return out;
}

describe("sessionsCsvPieces", () => {
  it("writes the bytes sessionsCsv writes, whatever the chunks", async () => {
    for (const language of ["en", "de"] as const) {
      const whole = sessionsCsv(rows, language);
      expect(await streamed([rows], language)).toBe(whole);
      expect(await streamed([rows.slice(0, 1), [], rows.slice(1, 3), rows.slice(3)], language)).toBe(whole);
      expect(await streamed([], language)).toBe(sessionsCsv([], language));
    }
  });

  it("keeps the file's format: BOM, quoted fields, CRLF", () => {
    const csv = sessionsCsv(rows.slice(0, 1), "en");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [, first] = csv.slice(1).split("\r\n");
    expect(first).toContain('"2026-03-01T08:15:00.000Z","2026-03-01T09:00:00.000Z"');
    expect(first).toContain('"Jörg Müller","","","Depot ""North"", bay 2"');
    expect(first).toContain('"45.0","12.345","10.00","1.90","11.90","EUR","19.00"');
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("names the vehicle that charged and its odometer reading beside the driver", () => {
    const withVan = { ...base, vehicleId: "v-1", vehicleLabel: "B-BV 101 · Van 1", odometerKm: 48_213 };
    const [header, first, second] = sessionsCsv([withVan, base], "de").slice(1).split("\r\n");
    expect(header).toContain('"Fahrer","Fahrzeug","Kilometerstand (km)","Ladestation"');
    expect(first).toContain('"Jörg Müller","B-BV 101 · Van 1","48213","Depot');
    expect(second).toContain('"Jörg Müller","","","Depot');
  });
});
