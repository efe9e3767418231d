// When a session's final price differs enough from the estimate it was booked at to be reported: by more than a
// percentage of the estimate, or by more than an amount in the prices' own currency (major units: 2.5 is €2.50).
import { minorUnitDigits } from "@/lib/money";

export const THRESHOLD_MODES = ["percent", "amount"] as const;
export type ThresholdMode = (typeof THRESHOLD_MODES)[number];

export interface PriceThreshold {
  mode: ThresholdMode;
  /** Percent of the estimate (10 is 10 %), or an amount in major units of the prices' currency. */
  value: number;
}

/** Final minus estimate, in minor units; positive when the session cost more than estimated. */
export interface PriceDifference {
  differenceMinor: number;
  /** Of the estimate, in percent; null for an estimate of zero (any charge is then no percentage of it). */
  percent: number | null;
}

export function priceDifference(estimateMinor: number, finalMinor: number): PriceDifference {
  const differenceMinor = finalMinor - estimateMinor;
  return { differenceMinor, percent: estimateMinor === 0 ? null : (differenceMinor * 100) / estimateMinor };
}

/**
 * Whether the difference is over the threshold, either way (cheaper or dearer). An estimate of zero with any
 * charge is over every percentage threshold; a difference exactly at the threshold is not over it.
 */
export function exceedsThreshold(
  estimateMinor: number,
  finalMinor: number,
  currency: string,
  threshold: PriceThreshold,
): boolean {
  const { differenceMinor, percent } = priceDifference(estimateMinor, finalMinor);
  if (threshold.mode === "amount") {
    const limitMinor = Math.round(threshold.value * 10 ** minorUnitDigits(currency));
    return Math.abs(differenceMinor) > limitMinor;
  }
  if (percent === null) return differenceMinor !== 0;
  return Math.abs(percent) > threshold.value;
}
