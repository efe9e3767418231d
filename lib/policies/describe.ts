// A broken policy rule in words: its figure and its limit as the alert and the refusal show them, and whose
// policy it is ("the policy for Ana Lima"), in one language, with times in the fleet's time zone.
import { PROVIDER_LABELS } from "@/lib/domain/provider";
import { createFormatter } from "@/lib/format/format";
import type { Language } from "@/lib/i18n/languages";
import { minorUnitDigits } from "@/lib/money";
import { wordsFor, wordsOf } from "@/lib/notifications/words";
import type { Amount, Breach, PolicyOwner } from "./evaluate";

export interface BreachWords {
  figure: string;
  limit: string;
  /** Whose policy, as a phrase: "the fleet's policy", "the policy for Ana Lima". */
  policy: string;
}

const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** "the policy for vehicle B-FC 1234", in a language. */
export function policyPhrase(owner: PolicyOwner, language: Language): string {
  return wordsOf(language, "alerts.kinds")(`policy.scopes.${owner.scope}`, { name: owner.name });
}

/** Whose words: a reader's language and formatting locale; English (en-GB) when none is given. */
export interface BreachReader {
  language: Language;
  locale: string;
}

/** A breach's figure and limit in the reader's language and formats, times in `timeZone`. */
export function describeBreach(breach: Breach, timeZone: string, reader?: BreachReader): BreachWords {
  const english = wordsFor(null);
  const language = reader?.language ?? english.language;
  const f = createFormatter({ locale: reader?.locale ?? english.format.locale, timeZone });
  const t = wordsOf(language, "alerts.kinds");
  const money = (a: Amount) => f.money(a.amountMinor, a.currency);
  // Tenths of a minor unit: one digit more than the currency's own.
  const price = (a: Amount) => {
    const digits = minorUnitDigits(a.currency) + 1;
    return `${f.number(a.amountMinor / 10 ** digits, digits)} ${a.currency}`;
  };
  const policy = policyPhrase(breach.owner, language);
  switch (breach.rule) {
    case "monthlyCap":
    case "sessionCap":
      return { figure: money(breach.figure), limit: money(breach.limit), policy };
    case "pricePerKwh":
      return { figure: price(breach.figure), limit: price(breach.limit), policy };
    case "allowedTimes": {
      const { days, hours } = breach.limit;
      const limit = [
        days ? days.map((d) => t(`policy.weekdays.${d}`)).join(", ") : null,
        hours ? `${clock(hours[0])}–${clock(hours[1])}` : null,
      ]
        .filter(Boolean)
        .join(" ");
      return { figure: f.dateTime(breach.figure), limit, policy };
    }
    case "allowedProviders":
      return {
        figure: PROVIDER_LABELS[breach.figure],
        limit: breach.limit.map((p) => PROVIDER_LABELS[p]).join(", "),
        policy,
      };
    case "allowedOperators":
      return { figure: breach.figure, limit: breach.limit.join(", "), policy };
    default: {
      const unreachable: never = breach;
      return unreachable;
    }
  }
}
