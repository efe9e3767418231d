import { describe, expect, it } from "vitest";
import {
  effectivePolicy,
  evaluatePolicy,
  monthOf,
  withinHours,
  type OwnedPolicy,
  type PolicyAct,
  type PolicyFields,
  type SpentSession,
} from "./evaluate";

const NONE: PolicyFields = {
  currency: null,
  monthlyCapMinor: null,
  sessionCapMinor: null,
  maxPricePerKwhDeciMinor: null,
  allowedWeekdays: [],
  allowedFromMinute: null,
  allowedToMinute: null,
  allowedProviders: [],
  allowedOperators: [],
};
const FLEET = { scope: "fleet", name: "Berlin Vans" } as const;
const ANA = { scope: "driver", name: "Ana Lima" } as const;
const VAN = { scope: "vehicle", name: "B-FC 1234" } as const;
const fleet = (fields: Partial<PolicyFields>): OwnedPolicy => ({ ...NONE, ...fields, owner: FLEET });
const driver = (fields: Partial<PolicyFields>): OwnedPolicy => ({ ...NONE, ...fields, owner: ANA });
const vehicle = (fields: Partial<PolicyFields>): OwnedPolicy => ({ ...NONE, ...fields, owner: VAN });
const eur = (amountMinor: number) => ({ amountMinor, currency: "EUR" });
const spent = (startTime: string, costMinor: number, currency = "EUR"): SpentSession => ({
  startTime: new Date(startTime),
  costMinor,
  currency,
});
const act = (at: string, extra: Partial<PolicyAct> = {}): PolicyAct => ({
  at: new Date(at),
  provider: "PLUGSURFING",
  ...extra,
});

describe("monthOf", () => {
  it.each([
    ["2026-11-30T23:30:00Z", "Europe/Berlin", "2026-11-30T23:00:00.000Z", "2026-12-31T23:00:00.000Z"],
    ["2026-11-30T22:30:00Z", "Europe/Berlin", "2026-10-31T23:00:00.000Z", "2026-11-30T23:00:00.000Z"],
    ["2026-11-30T23:30:00Z", "UTC", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"],
    ["2026-12-01T03:00:00Z", "America/New_York", "2026-11-01T04:00:00.000Z", "2026-12-01T05:00:00.000Z"],
  ])("%s in %s is the month from %s to %s", (at, zone, start, end) => {
    const month = monthOf(new Date(at), zone);
    expect([month.start.toISOString(), month.end.toISOString()]).toEqual([start, end]);
  });
});

describe("withinHours", () => {
  it.each([
    [7 * 60, 7 * 60, 19 * 60, true],
    [19 * 60, 7 * 60, 19 * 60, false],
    [23 * 60, 22 * 60, 6 * 60, true],
    [5 * 60 + 59, 22 * 60, 6 * 60, true],
    [6 * 60, 22 * 60, 6 * 60, false],
    [12 * 60, 22 * 60, 6 * 60, false],
    [12 * 60, 0, 0, true],
  ])("minute %i in %i–%i: %s", (minute, from, to, inside) => {
    expect(withinHours(minute, from, to)).toBe(inside);
  });
});

interface Case {
  name: string;
  policies: Parameters<typeof effectivePolicy>[1];
  spent?: SpentSession[];
  act: PolicyAct;
  zone?: string;
  broken: Array<{ rule: string; owner: string; figure?: unknown; limit?: unknown }>;
}

const CASES: Case[] = [
  // Monthly caps, counted in the fleet's month.
  {
    name: "a session at 23:30 UTC on Nov 30 is December in Berlin: November's spending does not count",
    policies: { fleet: fleet({ currency: "EUR", monthlyCapMinor: 10_000 }) },
    spent: [spent("2026-11-15T10:00:00Z", 9_000)],
    act: act("2026-11-30T23:30:00Z", { cost: eur(2_000) }),
    broken: [],
  },
  {
    name: "the same instant in UTC is still November: the cap is broken",
    policies: { fleet: fleet({ currency: "EUR", monthlyCapMinor: 10_000 }) },
    spent: [spent("2026-11-15T10:00:00Z", 9_000)],
    act: act("2026-11-30T23:30:00Z", { cost: eur(2_000) }),
    zone: "UTC",
    broken: [{ rule: "monthlyCap", owner: "Berlin Vans", figure: eur(11_000), limit: eur(10_000) }],
  },
  {
    name: "a session at 23:30 UTC on Nov 30 counts with December's in Berlin",
    policies: { fleet: fleet({ currency: "EUR", monthlyCapMinor: 10_000 }) },
    spent: [spent("2026-11-30T23:10:00Z", 9_000), spent("2026-11-30T22:50:00Z", 5_000)],
    act: act("2026-12-02T08:00:00Z", { cost: eur(2_000) }),
    broken: [{ rule: "monthlyCap", owner: "Berlin Vans", figure: eur(11_000), limit: eur(10_000) }],
  },
  {
    name: "up to the cap exactly is allowed",
    policies: { fleet: fleet({ currency: "EUR", monthlyCapMinor: 10_000 }) },
    spent: [spent("2026-12-01T10:00:00Z", 8_000)],
    act: act("2026-12-02T10:00:00Z", { cost: eur(2_000) }),
    broken: [],
  },
  {
    name: "a cap already reached refuses an act whose cost is not known",
    policies: { fleet: fleet({ currency: "EUR", monthlyCapMinor: 10_000 }) },
    spent: [spent("2026-12-01T10:00:00Z", 10_000)],
    act: act("2026-12-02T10:00:00Z"),
    broken: [{ rule: "monthlyCap", owner: "Berlin Vans", figure: eur(10_000) }],
  },
  // Currencies: caps apply per currency.
  {
    name: "spending in another currency does not count towards a cap in EUR",
    policies: { fleet: fleet({ currency: "EUR", monthlyCapMinor: 10_000 }) },
    spent: [spent("2026-12-01T10:00:00Z", 90_000, "NOK")],
    act: act("2026-12-02T10:00:00Z", { cost: eur(2_000) }),
    broken: [],
  },
  {
    name: "a session in NOK is not limited by a per-session cap in EUR",
    policies: { fleet: fleet({ currency: "EUR", sessionCapMinor: 2_500 }) },
    act: act("2026-12-02T10:00:00Z", { cost: { amountMinor: 40_000, currency: "NOK" } }),
    broken: [],
  },
  {
    name: "a driver's cap in NOK holds a session in NOK, the fleet's EUR cap gone for her",
    policies: {
      fleet: fleet({ currency: "EUR", sessionCapMinor: 2_500 }),
      driver: driver({ currency: "NOK", sessionCapMinor: 30_000 }),
    },
    act: act("2026-12-02T10:00:00Z", { cost: { amountMinor: 40_000, currency: "NOK" } }),
    broken: [
      {
        rule: "sessionCap",
        owner: "Ana Lima",
        figure: { amountMinor: 40_000, currency: "NOK" },
        limit: { amountMinor: 30_000, currency: "NOK" },
      },
    ],
  },
  // Per-session caps and overrides.
  {
    name: "an estimate above the fleet's per-session cap",
    policies: { fleet: fleet({ currency: "EUR", sessionCapMinor: 2_500 }) },
    act: act("2026-12-02T10:00:00Z", { cost: eur(3_100) }),
    broken: [{ rule: "sessionCap", owner: "Berlin Vans", figure: eur(3_100), limit: eur(2_500) }],
  },
  {
    name: "a driver's higher cap replaces the fleet's",
    policies: {
      fleet: fleet({ currency: "EUR", sessionCapMinor: 2_500 }),
      driver: driver({ currency: "EUR", sessionCapMinor: 5_000 }),
    },
    act: act("2026-12-02T10:00:00Z", { cost: eur(3_100) }),
    broken: [],
  },
  {
    name: "a driver's lower cap replaces the fleet's",
    policies: {
      fleet: fleet({ currency: "EUR", sessionCapMinor: 5_000 }),
      driver: driver({ currency: "EUR", sessionCapMinor: 2_500 }),
    },
    act: act("2026-12-02T10:00:00Z", { cost: eur(3_100) }),
    broken: [{ rule: "sessionCap", owner: "Ana Lima", figure: eur(3_100), limit: eur(2_500) }],
  },
  {
    name: "a vehicle's cap replaces the driver's, the fleet's other rules still hold",
    policies: {
      fleet: fleet({ currency: "EUR", sessionCapMinor: 1_000, allowedProviders: ["PETITMONDE"] }),
      driver: driver({ currency: "EUR", sessionCapMinor: 2_000 }),
      vehicle: vehicle({ currency: "EUR", sessionCapMinor: 3_000 }),
    },
    act: act("2026-12-02T10:00:00Z", { cost: eur(3_100) }),
    broken: [
      { rule: "sessionCap", owner: "B-FC 1234", figure: eur(3_100), limit: eur(3_000) },
      { rule: "allowedProviders", owner: "Berlin Vans", figure: "PLUGSURFING", limit: ["PETITMONDE"] },
    ],
  },
  {
    name: "a driver's override without a cap leaves the fleet's cap in force",
    policies: {
      fleet: fleet({ currency: "EUR", sessionCapMinor: 2_500 }),
      driver: driver({ allowedOperators: ["Ionity"] }),
    },
    act: act("2026-12-02T10:00:00Z", { cost: eur(3_100), operator: "IONITY" }),
    broken: [{ rule: "sessionCap", owner: "Berlin Vans", figure: eur(3_100), limit: eur(2_500) }],
  },
  // Price per kWh, in tenths of a minor unit.
  {
    name: "a booking's rate of 52 cents above a highest price of 49.5 cents",
    policies: { fleet: fleet({ currency: "EUR", maxPricePerKwhDeciMinor: 495 }) },
    act: act("2026-12-02T10:00:00Z", { pricePerKwhMinor: eur(52) }),
    broken: [{ rule: "pricePerKwh", owner: "Berlin Vans", figure: eur(520), limit: eur(495) }],
  },
  {
    name: "a session's cost over its energy: €10.00 for 20 kWh is 50 cents per kWh",
    policies: { fleet: fleet({ currency: "EUR", maxPricePerKwhDeciMinor: 495 }) },
    act: act("2026-12-02T10:00:00Z", { cost: eur(1_000), energyWh: 20_000 }),
    broken: [{ rule: "pricePerKwh", owner: "Berlin Vans", figure: eur(500), limit: eur(495) }],
  },
  {
    name: "a session at 49 cents per kWh is allowed",
    policies: { fleet: fleet({ currency: "EUR", maxPricePerKwhDeciMinor: 495 }) },
    act: act("2026-12-02T10:00:00Z", { cost: eur(980), energyWh: 20_000 }),
    broken: [],
  },
  // Days and hours, in the fleet's time zone.
  {
    name: "07:30 in Berlin on a weekday inside 07:00–19:00",
    policies: { fleet: fleet({ allowedWeekdays: [1, 2, 3, 4, 5], allowedFromMinute: 420, allowedToMinute: 1140 }) },
    act: act("2026-12-02T06:30:00Z"),
    broken: [],
  },
  {
    name: "06:30 UTC on a Saturday is outside Monday to Friday",
    policies: { fleet: fleet({ allowedWeekdays: [1, 2, 3, 4, 5] }) },
    act: act("2026-12-05T06:30:00Z"),
    broken: [{ rule: "allowedTimes", owner: "Berlin Vans", limit: { days: [1, 2, 3, 4, 5], hours: null } }],
  },
  {
    name: "23:30 UTC on Friday is already Saturday in Berlin",
    policies: { fleet: fleet({ allowedWeekdays: [1, 2, 3, 4, 5] }) },
    act: act("2026-12-04T23:30:00Z"),
    broken: [{ rule: "allowedTimes", owner: "Berlin Vans" }],
  },
  {
    name: "a night window across midnight allows 01:00 in Berlin",
    policies: { fleet: fleet({ allowedFromMinute: 22 * 60, allowedToMinute: 6 * 60 }) },
    act: act("2026-12-02T00:00:00Z"),
    broken: [],
  },
  {
    name: "a night window across midnight refuses noon",
    policies: { fleet: fleet({ allowedFromMinute: 22 * 60, allowedToMinute: 6 * 60 }) },
    act: act("2026-12-02T11:00:00Z"),
    broken: [{ rule: "allowedTimes", owner: "Berlin Vans", limit: { days: null, hours: [1320, 360] } }],
  },
  {
    name: "a driver's hours replace the fleet's",
    policies: {
      fleet: fleet({ allowedFromMinute: 22 * 60, allowedToMinute: 6 * 60 }),
      driver: driver({ allowedFromMinute: 8 * 60, allowedToMinute: 18 * 60 }),
    },
    act: act("2026-12-02T23:00:00Z"),
    broken: [{ rule: "allowedTimes", owner: "Ana Lima", limit: { days: null, hours: [480, 1080] } }],
  },
  // Providers and operators.
  {
    name: "a provider the policy allows",
    policies: { fleet: fleet({ allowedProviders: ["PLUGSURFING", "DEPOTFINITY"] }) },
    act: act("2026-12-02T10:00:00Z"),
    broken: [],
  },
  {
    name: "an operator the policy does not allow",
    policies: { fleet: fleet({ allowedOperators: ["Ionity", "EnBW"] }) },
    act: act("2026-12-02T10:00:00Z", { operator: "Allego" }),
    broken: [{ rule: "allowedOperators", owner: "Berlin Vans", figure: "Allego", limit: ["Ionity", "EnBW"] }],
  },
  {
    name: "operators match without regard to case",
    policies: { fleet: fleet({ allowedOperators: ["Ionity"] }) },
    act: act("2026-12-02T10:00:00Z", { operator: " ionity " }),
    broken: [],
  },
  {
    name: "no policy at all: nothing is broken",
    policies: {},
    act: act("2026-12-02T10:00:00Z", { cost: eur(1_000_000), operator: "Allego" }),
    broken: [],
  },
];

describe("evaluatePolicy", () => {
  it.each(CASES)("$name", ({ policies, spent: history = [], act: done, zone = "Europe/Berlin", broken }) => {
    const breaches = evaluatePolicy(effectivePolicy(zone, policies), history, done);
    expect(breaches).toEqual(
      broken.map(({ rule, owner, ...rest }) =>
        expect.objectContaining({ rule, owner: expect.objectContaining({ name: owner }), ...rest }),
      ),
    );
  });
});
