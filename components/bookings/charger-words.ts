// A charge point's power and price in words, said one way by the map panel, the booking wizard and the
// alternatives offered after a 409. A price cannot be misread: a rate says "per kWh", an estimate says what
// it is the cost of.
import type { PriceEstimate, Tariff } from "@/lib/domain";
import type { Formatter } from "@/lib/format";
import type { ChargerSnapshot } from "@/lib/bookings/schemas";
import { connectorLabel } from "@/lib/domain/labels";

/** "CCS · 150 kW DC" from the connector's facts; the stored label for older snapshots without them. */
export function connectorWords(
  f: Formatter,
  charger: Pick<ChargerSnapshot, "connectorStandard" | "powerKw" | "powerType" | "connectorLabel">,
): string {
  if (charger.powerKw === undefined || !charger.powerType) return charger.connectorLabel ?? "Power not published";
  const current = charger.powerType === "DC" ? "DC" : "AC";
  const standard = charger.connectorStandard ? connectorLabel(charger.connectorStandard) : null;
  return [standard, `${f.power(charger.powerKw)} ${current}`].filter(Boolean).join(" · ");
}

/** What an estimate is the cost of: the booking being made, or any booking at this charger. */
export type EstimateSubject = "this booking" | "a booking";

/** "€0.49 per kWh + €0.10 per min + €1.00 per session"; parts that cost nothing are left out. */
export function tariffWords(f: Formatter, tariff: Tariff): string {
  const parts = [f.rate(tariff.perKwhMinor, tariff.currency, "kWh")];
  if (tariff.perMinuteMinor) parts.push(f.rate(tariff.perMinuteMinor, tariff.currency, "min"));
  if (tariff.perSessionMinor) parts.push(f.rate(tariff.perSessionMinor, tariff.currency, "session"));
  return parts.join(" + ");
}

/**
 * "Estimated cost: €5.85 for this booking, at €0.49 per kWh" when the provider estimates the whole booking;
 * "Fleet rate: €0.44 per kWh" (or "Rate: …") when it publishes rates only.
 */
export function priceWords(f: Formatter, price: PriceEstimate | undefined, subject: EstimateSubject): string {
  const rate = price?.tariff ? tariffWords(f, price.tariff) : null;
  if (price?.sessionEstimate) {
    const cost = `Estimated cost: ${f.moneyOf(price.sessionEstimate)} for ${subject}`;
    return rate ? `${cost}, at ${rate}` : cost;
  }
  if (rate) return `${price?.fleetSpecific ? "Fleet rate" : "Rate"}: ${rate}`;
  return "Price not published by the provider";
}

/** The price a booking's charger snapshot remembers, in the domain's terms. */
export function snapshotPrice(charger: Pick<ChargerSnapshot, "estimateMinor" | "currency" | "tariff">): PriceEstimate {
  return {
    sessionEstimate:
      charger.estimateMinor !== undefined && charger.currency
        ? { amountMinor: charger.estimateMinor, currency: charger.currency }
        : undefined,
    tariff: charger.tariff,
  };
}
