// Money maths shared by sessions and bookings: tariffs in minor units incl. VAT, Petit Monde prices in EUR.
import type { Tariff } from "../network/types";

export interface SessionPrice {
  currencyCode: string;
  minorExclVat: number;
  minorInclVat: number;
  vat: string;
}

/**
 * What a charge costs under a tariff: energy + plugged-in minutes + a flat session fee; `drift` (the priceDrift
 * scenario) multiplies the whole.
 */
export function sessionPrice(
  tariff: Tariff,
  energyWh: number,
  pluggedMs: number,
  perKwhFactor = 1,
  drift = 1,
): SessionPrice {
  const incl = Math.round(
    ((energyWh / 1000) * tariff.perKwhMinor * perKwhFactor +
      (pluggedMs / 60_000) * tariff.perMinuteMinor +
      (energyWh > 0 ? tariff.perSessionMinor : 0)) *
      drift,
  );
  return {
    currencyCode: tariff.currency,
    minorExclVat: Math.round(incl / (1 + tariff.vat / 100)),
    minorInclVat: incl,
    vat: String(tariff.vat),
  };
}

/** Petit Monde's margin on top of the operator's cost: client_price = cost + reservation fee + commission. */
export const RESERVATION_FEE_EUR = 0.99;
export const COMMISSION = 0.05;
/** A typical car takes at most this much in one session. */
const MAX_SESSION_KWH = 75;

/** Energy a car takes in a window: power-limited, battery-limited, with a realistic charging efficiency. */
export function energyForWindowKwh(powerKw: number, hours: number): number {
  const vehicleKw = Math.min(powerKw, 150);
  return Math.min(vehicleKw * hours * 0.85, MAX_SESSION_KWH);
}

/** Petit Monde's client price (EUR, 2 decimals) for charging `hours` at a Euro tariff. */
export function petitMondePriceEur(tariff: Tariff, powerKw: number, hours: number): number {
  const kwh = energyForWindowKwh(powerKw, hours);
  const chargingMinutes = (kwh / Math.min(powerKw, 150)) * 60;
  const operatorCost =
    (kwh * tariff.perKwhMinor + chargingMinutes * tariff.perMinuteMinor + tariff.perSessionMinor) / 100;
  return Math.round((operatorCost + RESERVATION_FEE_EUR) * (1 + COMMISSION) * 100) / 100;
}
