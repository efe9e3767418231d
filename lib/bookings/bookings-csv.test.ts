import { describe, expect, it } from "vitest";
import { atCharger, bookingsCsv } from "./bookings-csv";
import type { BookingView } from "./records";

const confirmed: BookingView = {
  id: "b1",
  provider: "PETITMONDE",
  providerBookingId: "pm_123",
  externalId: "fleet-ref-1",
  status: "CONFIRMED",
  statusUpdatedAt: "2026-11-30T10:00:00.000Z",
  charger: {
    name: "Depot Tempelhof",
    address: "Tempelhofer Damm 1",
    postalCode: "12101",
    city: "Berlin",
    latitude: 52.4731,
    longitude: 13.4036,
    timeZone: "Europe/Berlin",
    evseId: "DE*PMO*E100*1",
    reservable: true,
  },
  locationId: "DE-PMO-E100",
  evseUid: "DE*PMO*E100*1",
  connectorId: "1",
  windowStart: "2026-12-01T06:00:00.000Z",
  windowEnd: "2026-12-01T08:30:00.000Z",
  tokenStrategy: "GROUP_TOKEN",
  customerId: null,
  tokenId: null,
  fleetGroupId: "group_berlin_vans",
  rfidValue: null,
  assignedDriver: { id: "u1", name: "Dora Driver" },
  vehicle: { id: "v1", plate: "B-BV 101", name: "Van 1" },
  createdBy: { id: "u2", name: "Dan Dispatcher" },
  priceMinor: 1250,
  feeMinor: null,
  currency: "EUR",
  lastError: null,
  needsAttention: false,
  cancel: { kind: "free" },
  createdAt: "2026-11-30T09:59:00.000Z",
  lastSyncedAt: null,
};

function rows(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .map((line) => line.slice(1, -1).split('","'));
}

describe("bookings CSV", () => {
  it("speaks the reader's language in its header and words, and keeps figures as spreadsheets read them", () => {
    const [header, row] = rows(bookingsCsv([confirmed], "de"));
    expect(header.slice(0, 4)).toEqual(["Referenz", "Anbieter-Referenz", "Status", "Anbieter"]);
    expect(row[2]).toBe("Bestätigt");
    expect(row[header.indexOf("Preis")]).toMatch(/^\d+\.\d{2}$/);
  });

  it("writes one row per booking under the header, in words and at the charger's clock", () => {
    const [header, row] = rows(bookingsCsv([confirmed], "en"));
    expect(header).toEqual([
      "Reference",
      "Provider reference",
      "Status",
      "Provider",
      "Location",
      "Address",
      "EVSE",
      "Window start",
      "Window end",
      "Time zone",
      "Driver",
      "Vehicle",
      "Price",
      "Price currency",
      "Fee",
      "Fee currency",
      "Created at (UTC)",
    ]);
    expect(row).toEqual([
      "fleet-ref-1",
      "pm_123",
      "Confirmed",
      "Petit Monde",
      "Depot Tempelhof",
      "Tempelhofer Damm 1, 12101 Berlin",
      "DE*PMO*E100*1",
      "2026-12-01T07:00:00+01:00",
      "2026-12-01T09:30:00+01:00",
      "Europe/Berlin",
      "Dora Driver",
      "B-BV 101",
      "12.50",
      "EUR",
      "",
      "",
      "2026-11-30T09:59:00.000Z",
    ]);
  });

  it("writes a fee in the booking's currency with that currency's decimals", () => {
    const noShow: BookingView = {
      ...confirmed,
      status: "NO_SHOW",
      priceMinor: null,
      feeMinor: 1500,
      currency: "JPY",
      assignedDriver: null,
      vehicle: null,
    };
    const [, row] = rows(bookingsCsv([noShow], "en"));
    expect(row.slice(2, 3)).toEqual(["No-show"]);
    expect(row.slice(10)).toEqual(["", "", "", "", "1500", "JPY", "2026-11-30T09:59:00.000Z"]);
  });

  it("gives each window its own zone's offset, summer time included", () => {
    expect(atCharger("2026-07-01T06:00:00.000Z", "America/New_York")).toBe("2026-07-01T02:00:00-04:00");
    expect(atCharger("2026-07-01T06:00:00.000Z", "Europe/Berlin")).toBe("2026-07-01T08:00:00+02:00");
    expect(atCharger("2026-07-01T06:00:00.000Z", "Not/AZone")).toBe("2026-07-01T06:00:00Z");
  });
});
