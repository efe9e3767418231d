// The fleet's bookings as CSV: windows at the charger's own wall clock with its UTC offset, money with its
// currency's decimals and the currency beside it.
import { TZDate } from "@date-fns/tz";
import { formatISO } from "date-fns";
import { moneyCell, toCsv, type CsvColumn } from "@/lib/csv";
import { PROVIDER_LABELS } from "@/lib/domain";
import { validTimeZone } from "@/lib/format/reader";
import { addressLine, STATUS_LABELS } from "./presentation";
import type { BookingView } from "./records";

/** "2026-12-01T07:00:00+01:00": the instant as the charger's clock shows it. */
export function atCharger(iso: string, timeZone: string): string {
  return formatISO(new TZDate(Date.parse(iso), validTimeZone(timeZone)));
}

const COLUMNS: CsvColumn<BookingView>[] = [
  { header: "Reference", value: (b) => b.externalId },
  { header: "Provider reference", value: (b) => b.providerBookingId },
  { header: "Status", value: (b) => STATUS_LABELS[b.status] },
  { header: "Provider", value: (b) => PROVIDER_LABELS[b.provider] },
  { header: "Location", value: (b) => b.charger.name },
  { header: "Address", value: (b) => addressLine(b.charger) },
  { header: "EVSE", value: (b) => b.charger.evseId ?? b.evseUid },
  { header: "Window start", value: (b) => atCharger(b.windowStart, b.charger.timeZone) },
  { header: "Window end", value: (b) => atCharger(b.windowEnd, b.charger.timeZone) },
  { header: "Time zone", value: (b) => validTimeZone(b.charger.timeZone) },
  { header: "Driver", value: (b) => b.assignedDriver?.name },
  { header: "Price", value: (b) => moneyCell(b.priceMinor, b.currency) },
  { header: "Price currency", value: (b) => (b.priceMinor === null ? null : b.currency) },
  { header: "Fee", value: (b) => moneyCell(b.feeMinor, b.currency) },
  { header: "Fee currency", value: (b) => (b.feeMinor === null ? null : b.currency) },
  { header: "Created at (UTC)", value: (b) => new Date(b.createdAt) },
];

export function bookingsCsv(bookings: BookingView[]): string {
  return toCsv(COLUMNS, bookings);
}
