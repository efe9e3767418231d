// Spending policy evaluation, pure: the rules in force for a driver or a vehicle (the fleet's policy with their
// overrides), and which of them a booking, a remote start or a synced session breaks. No database, no clock.
//
// Overrides replace the fleet's rule field by field where they set it, the most specific winning: a vehicle's
// over a driver's over the fleet's. An override is how an admin makes one driver or one van an exception, in
// either direction (a higher cap for the long-haul van); "the stricter of them" would make a looser exception
// impossible.
//
// Money rules hold in their policy's currency: caps apply per currency. An amount in another currency is not
// compared with a cap (a session paid in NOK is not limited by a cap in EUR), and a month's spending counts only
// what was spent in the cap's currency. Months, weekdays and hours are the fleet's, in its time zone.
import { TZDate } from "@date-fns/tz";
import type { ProviderName } from "@/lib/domain/provider";

export type PolicyScope = "fleet" | "driver" | "vehicle";

/** Whose policy a rule comes from: the fleet's (by its name), a driver's (name) or a vehicle's (plate). */
export interface PolicyOwner {
  scope: PolicyScope;
  name: string;
}

/** A stored policy's rules; null, or an empty list, is no rule. */
export interface PolicyFields {
  currency: string | null;
  monthlyCapMinor: number | null;
  sessionCapMinor: number | null;
  /** Tenths of a minor unit per kWh: 495 is 49.5 cents per kWh. */
  maxPricePerKwhDeciMinor: number | null;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  allowedWeekdays: number[];
  /** Minutes of the day; an end before the start is a window across midnight. Both or neither. */
  allowedFromMinute: number | null;
  allowedToMinute: number | null;
  allowedProviders: ProviderName[];
  allowedOperators: string[];
}

export interface OwnedPolicy extends PolicyFields {
  owner: PolicyOwner;
}

interface Owned {
  owner: PolicyOwner;
}
export interface MoneyRule extends Owned {
  limitMinor: number;
  currency: string;
}
export interface PriceRule extends Owned {
  limitDeciMinor: number;
  currency: string;
}

/** The rules in force, each with the policy it comes from. */
export interface EffectivePolicy {
  timeZone: string;
  monthlyCap?: MoneyRule;
  sessionCap?: MoneyRule;
  pricePerKwh?: PriceRule;
  weekdays?: Owned & { days: number[] };
  hours?: Owned & { fromMinute: number; toMinute: number };
  providers?: Owned & { providers: ProviderName[] };
  operators?: Owned & { operators: string[] };
}

/** The fleet's policy with the driver's and the vehicle's overrides over it (any of the three may be missing). */
export function effectivePolicy(
  timeZone: string,
  policies: { fleet?: OwnedPolicy | null; driver?: OwnedPolicy | null; vehicle?: OwnedPolicy | null },
): EffectivePolicy {
  const effective: EffectivePolicy = { timeZone };
  // Least specific first: each later policy replaces what it sets.
  for (const policy of [policies.fleet, policies.driver, policies.vehicle]) {
    if (!policy) continue;
    const { owner, currency } = policy;
    if (policy.monthlyCapMinor !== null && currency)
      effective.monthlyCap = { owner, currency, limitMinor: policy.monthlyCapMinor };
    if (policy.sessionCapMinor !== null && currency)
      effective.sessionCap = { owner, currency, limitMinor: policy.sessionCapMinor };
    if (policy.maxPricePerKwhDeciMinor !== null && currency)
      effective.pricePerKwh = { owner, currency, limitDeciMinor: policy.maxPricePerKwhDeciMinor };
    if (policy.allowedWeekdays.length > 0) effective.weekdays = { owner, days: [...policy.allowedWeekdays] };
    if (policy.allowedFromMinute !== null && policy.allowedToMinute !== null)
      effective.hours = { owner, fromMinute: policy.allowedFromMinute, toMinute: policy.allowedToMinute };
    if (policy.allowedProviders.length > 0) effective.providers = { owner, providers: [...policy.allowedProviders] };
    if (policy.allowedOperators.length > 0) effective.operators = { owner, operators: [...policy.allowedOperators] };
  }
  return effective;
}

/** The calendar month an instant falls in, in a time zone, as the UTC instants it starts and ends at. */
export function monthOf(instant: Date, timeZone: string): { start: Date; end: Date } {
  const local = new TZDate(instant.getTime(), timeZone);
  return {
    start: new Date(new TZDate(local.getFullYear(), local.getMonth(), 1, timeZone).getTime()),
    end: new Date(new TZDate(local.getFullYear(), local.getMonth() + 1, 1, timeZone).getTime()),
  };
}

/** An instant's ISO weekday (1 = Monday) and minute of the day, in a time zone. */
export function localTime(instant: Date, timeZone: string): { weekday: number; minute: number } {
  const local = new TZDate(instant.getTime(), timeZone);
  return { weekday: local.getDay() === 0 ? 7 : local.getDay(), minute: local.getHours() * 60 + local.getMinutes() };
}

/** Whether a minute of the day is inside an allowed window; equal ends allow the whole day. */
export function withinHours(minute: number, fromMinute: number, toMinute: number): boolean {
  if (fromMinute === toMinute) return true;
  return fromMinute < toMinute ? minute >= fromMinute && minute < toMinute : minute >= fromMinute || minute < toMinute;
}

/** What was spent, where the monthly cap's owner spent it: its sessions, of any month and currency. */
export interface SpentSession {
  startTime: Date;
  costMinor: number | null;
  currency: string | null;
}

/** Money in minor units of a currency. */
export interface Amount {
  amountMinor: number;
  currency: string;
}

/**
 * What is being done. A booking: its window's start, provider, operator, estimate and price per kWh where known.
 * A remote start: now, its provider. A synced session: its start, cost, energy, provider, operator.
 */
export interface PolicyAct {
  at: Date;
  provider: ProviderName;
  operator?: string | null;
  /** A booking's estimate or a session's cost. */
  cost?: Amount | null;
  /** A booking's rate per kWh, in minor units (the tariff's perKwhMinor). */
  pricePerKwhMinor?: Amount | null;
  /** A session's energy: with its cost, its price per kWh. */
  energyWh?: number | null;
}

/** What a broken rule is about, in figures; the words are made from it (./describe.ts). */
export type BreachFigure =
  | { rule: "monthlyCap"; figure: Amount; limit: Amount }
  | { rule: "sessionCap"; figure: Amount; limit: Amount }
  /** Tenths of a minor unit per kWh. */
  | { rule: "pricePerKwh"; figure: Amount; limit: Amount }
  | { rule: "allowedTimes"; figure: Date; limit: { days: number[] | null; hours: [number, number] | null } }
  | { rule: "allowedProviders"; figure: ProviderName; limit: ProviderName[] }
  | { rule: "allowedOperators"; figure: string; limit: string[] };

export type Breach = BreachFigure & { owner: PolicyOwner };

/**
 * The rules `act` breaks under `policy`, in POLICY_RULES order. `spent` is what the monthly cap's owner spent
 * (the act itself not among it); only its sessions in the act's month, in the cap's currency, count. A monthly
 * cap already reached refuses an act whose cost is not known.
 */
export function evaluatePolicy(policy: EffectivePolicy, spent: SpentSession[], act: PolicyAct): Breach[] {
  const breaches: Breach[] = [];
  const { monthlyCap, sessionCap, pricePerKwh, weekdays, hours, providers, operators } = policy;
  const cost = act.cost ?? null;
  if (monthlyCap) {
    const month = monthOf(act.at, policy.timeZone);
    const before = spent
      .filter((s) => s.currency === monthlyCap.currency && s.startTime >= month.start && s.startTime < month.end)
      .reduce((sum, s) => sum + (s.costMinor ?? 0), 0);
    const own = cost && cost.currency === monthlyCap.currency ? cost.amountMinor : null;
    const total = before + (own ?? 0);
    if (own === null ? total >= monthlyCap.limitMinor : total > monthlyCap.limitMinor) {
      breaches.push({
        rule: "monthlyCap",
        owner: monthlyCap.owner,
        figure: { amountMinor: total, currency: monthlyCap.currency },
        limit: { amountMinor: monthlyCap.limitMinor, currency: monthlyCap.currency },
      });
    }
  }
  if (sessionCap && cost && cost.currency === sessionCap.currency && cost.amountMinor > sessionCap.limitMinor) {
    breaches.push({
      rule: "sessionCap",
      owner: sessionCap.owner,
      figure: cost,
      limit: { amountMinor: sessionCap.limitMinor, currency: sessionCap.currency },
    });
  }
  const price = pricePerKwhDeciMinor(act);
  if (
    pricePerKwh &&
    price &&
    price.currency === pricePerKwh.currency &&
    price.amountMinor > pricePerKwh.limitDeciMinor
  ) {
    breaches.push({
      rule: "pricePerKwh",
      owner: pricePerKwh.owner,
      figure: price,
      limit: { amountMinor: pricePerKwh.limitDeciMinor, currency: pricePerKwh.currency },
    });
  }
  if (weekdays || hours) {
    const local = localTime(act.at, policy.timeZone);
    const dayRefused = weekdays !== undefined && !weekdays.days.includes(local.weekday);
    const hourRefused = hours !== undefined && !withinHours(local.minute, hours.fromMinute, hours.toMinute);
    if (dayRefused || hourRefused) {
      breaches.push({
        rule: "allowedTimes",
        owner: (dayRefused ? weekdays : hours)!.owner,
        figure: act.at,
        limit: {
          days: weekdays ? [...weekdays.days].sort() : null,
          hours: hours ? [hours.fromMinute, hours.toMinute] : null,
        },
      });
    }
  }
  if (providers && !providers.providers.includes(act.provider)) {
    breaches.push({
      rule: "allowedProviders",
      owner: providers.owner,
      figure: act.provider,
      limit: providers.providers,
    });
  }
  if (operators && act.operator) {
    const name = act.operator.trim().toLowerCase();
    if (!operators.operators.some((o) => o.trim().toLowerCase() === name))
      breaches.push({
        rule: "allowedOperators",
        owner: operators.owner,
        figure: act.operator,
        limit: operators.operators,
      });
  }
  return breaches;
}

/** The act's price per kWh in tenths of a minor unit: a booking's rate, or a session's cost over its energy. */
function pricePerKwhDeciMinor(act: PolicyAct): Amount | null {
  if (act.pricePerKwhMinor) return { ...act.pricePerKwhMinor, amountMinor: act.pricePerKwhMinor.amountMinor * 10 };
  if (act.cost && act.energyWh && act.energyWh > 0)
    return { currency: act.cost.currency, amountMinor: Math.round((act.cost.amountMinor * 10_000) / act.energyWh) };
  return null;
}
