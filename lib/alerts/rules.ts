// The watchdog's rules that need no database: when a cost is far above its estimate, and what a provider's
// reason for a failed start comes down to.
import type { AlertFactsOf } from "./kinds";

/** A synced session costs "far above" its estimate when it is over this many times the estimate… */
export const COST_ALERT_FACTOR = 1.5;
/** …and over it by at least this many minor units of its currency (5.00 in a currency with cents). */
export const COST_ALERT_MIN_EXCESS_MINOR = 500;

interface Money {
  amountMinor: number;
  currency: string;
}

/** Whether a cost is far above its estimate (see COST_ALERT_FACTOR); never across currencies. */
export function isCostFarAboveEstimate(cost: Money, estimate: Money): boolean {
  return (
    cost.currency.toUpperCase() === estimate.currency.toUpperCase() &&
    cost.amountMinor > estimate.amountMinor * COST_ALERT_FACTOR &&
    cost.amountMinor - estimate.amountMinor >= COST_ALERT_MIN_EXCESS_MINOR
  );
}

export type StartFailureReason = AlertFactsOf<"session.start_failed">["reason"];

/**
 * A provider's reason for a failed start (or the status it failed with) reduced to a known cause; "other" when
 * none is recognised, as for Plugsurfing's bare FAILED.
 */
export function startFailureReason(providerReason: string): StartFailureReason {
  if (/OCCUPIED|IN[\s_-]?USE|CHARGING|BLOCKED|RESERVED|BUSY/i.test(providerReason)) return "occupied";
  if (/REMOTE/i.test(providerReason)) return "notRemoteCapable";
  if (/OFFLINE|UNAVAILABLE|INOPERATIVE|OUT[\s_-]?OF[\s_-]?ORDER|UNREACHABLE/i.test(providerReason)) return "offline";
  return "other";
}
