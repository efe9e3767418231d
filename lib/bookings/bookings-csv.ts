// The fleet's bookings as CSV: windows at the charger's own wall clock with its UTC offset, money with its
// currency's decimals and the currency beside it; headers and statuses in the reader's language.
import { TZDate } from "@date-fns/tz";
import { formatISO } from "date-fns";
import { moneyCell, toCsv, type CsvColumn } from "@/lib/csv";
import { PROVIDER_LABELS } from "@/lib/domain";
import { validTimeZone } from "@/lib/format/reader";
import type { Language } from "@/lib/i18n/languages";
import { translator } from "@/lib/i18n/messages";
import { addressLine } from "./presentation";
import type { BookingView } from "./records";

/** "2026-12-01T07:00:00+01:00": the instant as the charger's clock shows it. */
export function atCharger(iso: string, timeZone: string): string {
  return formatISO(new TZDate(Date.parse(iso), validTimeZone(timeZone)));
}

export function bookingsCsv(bookings: BookingView[], language: Language): string {
  const t = translator(language, "csv");
  const common = translator(language, "common");
  const columns: CsvColumn<BookingView>[] = [
    { header: t("bookings.reference"), value: (b) => b.externalId },
    { header: t("bookings.providerReference"), value: (b) => b.providerBookingId },
    { header: t("bookings.status"), value: (b) => common(`bookingStatus.${b.status}`) },
    { header: t("bookings.provider"), value: (b) => PROVIDER_LABELS[b.provider] },
    { header: t("bookings.location"), value: (b) => b.charger.name },
    { header: t("bookings.address"), value: (b) => addressLine(b.charger) },
    { header: t("bookings.evse"), value: (b) => b.charger.evseId ?? b.evseUid },
    { header: t("bookings.windowStart"), value: (b) => atCharger(b.windowStart, b.charger.timeZone) },
    { header: t("bookings.windowEnd"), value: (b) => atCharger(b.windowEnd, b.charger.timeZone) },
    { header: t("bookings.timeZone"), value: (b) => validTimeZone(b.charger.timeZone) },
    { header: t("bookings.driver"), value: (b) => b.assignedDriver?.name },
    { header: t("bookings.vehicle"), value: (b) => b.vehicle?.plate },
    { header: t("bookings.price"), value: (b) => moneyCell(b.priceMinor, b.currency) },
    { header: t("bookings.priceCurrency"), value: (b) => (b.priceMinor === null ? null : b.currency) },
    { header: t("bookings.fee"), value: (b) => moneyCell(b.feeMinor, b.currency) },
    { header: t("bookings.feeCurrency"), value: (b) => (b.feeMinor === null ? null : b.currency) },
    { header: t("bookings.createdAt"), value: (b) => new Date(b.createdAt) },
  ];
  return toCsv(columns, bookings);
}
