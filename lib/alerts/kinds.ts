// What each kind of alert says, made from the facts stored with it: what happened and why, in the reader's
// language. The watchdog (./watchdog.ts) and the spending policies raise them; the alerts page and the bell show
// them. Facts hold figures and names, never sentences, so that an alert reads in whatever language its reader has.
import { z } from "zod";
import { wordsOf, type Words } from "@/lib/notifications/words";
import { ALERT_KINDS, type AlertKind } from "./kind-names";

export { ALERT_KINDS, type AlertKind };

export interface AlertText {
  title: string;
  body: string;
}

/** The charger an alert is about, as its booking or session names it. */
const charger = z.object({ name: z.string(), timeZone: z.string().nullish() });
const money = z.object({ amountMinor: z.number().int(), currency: z.string() });

interface Kind<S extends z.ZodType> {
  facts: S;
  say(facts: z.output<S>, words: Words): AlertText;
}

function kind<S extends z.ZodType>(definition: Kind<S>): Kind<S> {
  return definition;
}

const alertWords = (words: Words) => wordsOf(words.language, "alerts.kinds");

/** When something happened, in the reader's time zone. */
const at = (instant: string, words: Words) => words.format.dateTime(instant);

const bookingFacts = z.object({
  charger,
  windowStart: z.string(),
  windowEnd: z.string(),
  fee: money.nullable().default(null),
});

function bookingAlert(name: "unconfirmed" | "expired" | "noShow") {
  return kind({
    facts: bookingFacts,
    say(facts, words) {
      const t = alertWords(words);
      const window = words.format.window(facts.windowStart, facts.windowEnd, facts.charger.timeZone ?? "UTC");
      const fee = facts.fee ? t("fee", { fee: words.format.money(facts.fee.amountMinor, facts.fee.currency) }) : "";
      return {
        title: t(`${name}.title`, { charger: facts.charger.name }),
        body: [t(`${name}.body`, { window }), fee].filter(Boolean).join(" "),
      };
    },
  });
}

/** The rules of a spending policy an alert or a refusal can name (lib/policies). */
export const POLICY_RULES = [
  "monthlyCap",
  "sessionCap",
  "pricePerKwh",
  "allowedTimes",
  "allowedProviders",
  "allowedOperators",
] as const;
export type PolicyRule = (typeof POLICY_RULES)[number];

const KINDS = {
  /** A session that has charged nothing ten minutes after it started. */
  "session.no_energy": kind({
    facts: z.object({ charger, startedAt: z.string(), minutes: z.number().int() }),
    say(facts, words) {
      const t = alertWords(words);
      return {
        title: t("noEnergy.title", { charger: facts.charger.name }),
        body: t("noEnergy.body", {
          started: at(facts.startedAt, words),
          minutes: facts.minutes,
        }),
      };
    },
  }),
  /** A session running for longer than its fleet's limit (Fleet.sessionLimitHours). */
  "session.too_long": kind({
    facts: z.object({ charger, startedAt: z.string(), limitHours: z.number().int() }),
    say(facts, words) {
      const t = alertWords(words);
      return {
        title: t("tooLong.title", { charger: facts.charger.name }),
        body: t("tooLong.body", {
          started: at(facts.startedAt, words),
          hours: facts.limitHours,
        }),
      };
    },
  }),
  /** A stop that the charger or the provider reported as failed: the session may still be charging (and billing). */
  "session.stop_failed": kind({
    facts: z.object({ charger, startedAt: z.string() }),
    say(facts, words) {
      const t = alertWords(words);
      return {
        title: t("stopFailed.title", { charger: facts.charger.name }),
        body: t("stopFailed.body", { started: at(facts.startedAt, words) }),
      };
    },
  }),
  /**
   * A remote start that failed. `reason` is what the provider gave as its reason, reduced to a known cause where
   * one is recognised ("occupied", "notRemoteCapable", "offline"), else "other" (its own words are not shown).
   */
  "session.start_failed": kind({
    facts: z.object({
      charger,
      at: z.string(),
      reason: z.enum(["occupied", "notRemoteCapable", "offline", "other"]),
    }),
    say(facts, words) {
      const t = alertWords(words);
      return {
        title: t("startFailed.title", { charger: facts.charger.name }),
        body: t(`startFailed.reasons.${facts.reason}`, { at: at(facts.at, words) }),
      };
    },
  }),
  /** A booking its provider has not confirmed yet, with its window about to begin. */
  "booking.unconfirmed": bookingAlert("unconfirmed"),
  "booking.expired": bookingAlert("expired"),
  "booking.no_show": bookingAlert("noShow"),
  /** A synced session that cost far more than the estimate shown when it was booked. */
  "session.cost_above_estimate": kind({
    facts: z.object({ charger, estimate: money, cost: money }),
    say(facts, words) {
      const t = alertWords(words);
      return {
        title: t("costAboveEstimate.title", { charger: facts.charger.name }),
        body: t("costAboveEstimate.body", {
          estimate: words.format.money(facts.estimate.amountMinor, facts.estimate.currency),
          cost: words.format.money(facts.cost.amountMinor, facts.cost.currency),
        }),
      };
    },
  }),
  /**
   * A session started where the app could not refuse it (at the charger, with a card) that breaks a spending
   * policy. `policy` names whose policy it is: the fleet's, a driver's or a vehicle's (by name or plate);
   * `figure` and `limit` are what the session came to and what the rule allows, in the rule's own terms.
   */
  "policy.breach": kind({
    facts: z.object({
      charger,
      rule: z.enum(POLICY_RULES),
      policy: z.object({ scope: z.enum(["fleet", "driver", "vehicle"]), name: z.string() }),
      figure: z.string(),
      limit: z.string(),
    }),
    say(facts, words) {
      const t = alertWords(words);
      const policy = t(`policy.scopes.${facts.policy.scope}`, { name: facts.policy.name });
      return {
        title: t("policy.title", { charger: facts.charger.name }),
        body: t(`policy.rules.${facts.rule}`, { policy, figure: facts.figure, limit: facts.limit }),
      };
    },
  }),
};

// Every name in ./kind-names.ts has its words here, and nothing else does.
const NAMED: Record<AlertKind, unknown> = KINDS;
const UNNAMED: Exclude<keyof typeof KINDS, AlertKind> extends never ? true : never = true;
void [NAMED, UNNAMED];

/** What an alert of `kind` is made of. */
export type AlertFactsOf<K extends AlertKind> = z.input<(typeof KINDS)[K]["facts"]>;

function kindOf(name: string): Kind<z.ZodType> | undefined {
  return Object.prototype.hasOwnProperty.call(KINDS, name)
    ? (KINDS as Record<string, Kind<z.ZodType>>)[name]
    : undefined;
}

/** The facts of a new alert, checked against its kind (a raiser that gets them wrong fails at once). */
export function alertFacts<K extends AlertKind>(kind: K, facts: AlertFactsOf<K>): z.output<(typeof KINDS)[K]["facts"]> {
  return KINDS[kind].facts.parse(facts) as z.output<(typeof KINDS)[K]["facts"]>;
}

/** A stored alert in the reader's words; null where its kind is unknown or its facts no longer parse. */
export function describeAlert(row: { kind: string; facts: unknown }, words: Words): AlertText | null {
  const known = kindOf(row.kind);
  const parsed = known?.facts.safeParse(row.facts);
  return known && parsed?.success ? known.say(parsed.data, words) : null;
}
