// The words a notification or an email is said in: its reader's language and the formatter of its dates and
// money, and the pieces both tell a driver (which token to use).
import { z } from "zod";
import { TOKEN_STRATEGIES } from "@/lib/domain";
import { createFormatter, type Formatter } from "@/lib/format";
import { chooseLanguage, type Language } from "@/lib/i18n/languages";
import { translator, type Translate } from "@/lib/i18n/messages";

/** Whom a text is for: her language, and the formatter of its dates and money. */
export interface Words {
  language: Language;
  format: Formatter;
}

/**
 * The words for someone known only by her User.locale (an email's recipient; null = English), or for the
 * stored English columns. Dates and money read as usual in that language ("en-GB", "de-DE").
 */
export function wordsFor(locale: string | null | undefined): Words {
  const { language, formatLocale } = chooseLanguage(locale, null);
  return { language, format: createFormatter({ locale: formatLocale }) };
}

/** The English of the stored title and body, formatted as notifications always were (en-GB). */
export const STORED_WORDS: Words = wordsFor(null);

const TRANSLATORS = new Map<string, Translate>();

/** A translator of `namespace` in `language`, made once. */
export function wordsOf(language: Language, namespace: string): Translate {
  const id = `${language}:${namespace}`;
  let t = TRANSLATORS.get(id);
  if (!t) {
    t = translator(language, namespace);
    TRANSLATORS.set(id, t);
  }
  return t;
}

export const tokenFacts = z.object({
  tokenStrategy: z.enum(TOKEN_STRATEGIES),
  customerId: z.string().nullish(),
  tokenId: z.string().nullish(),
  fleetGroupId: z.string().nullish(),
  rfidValue: z.string().nullish(),
});
export type TokenFacts = z.infer<typeof tokenFacts>;

/** Which token the driver shows at the charger, in her words. */
export function tokenInstructions(token: TokenFacts, words: Words): string {
  const t = wordsOf(words.language, "notifications.kinds.bookingAssigned.token");
  switch (token.tokenStrategy) {
    case "GROUP_TOKEN":
      return token.fleetGroupId == null ? t("fleetGroupUnknown") : t("fleetGroup", { group: token.fleetGroupId });
    case "DRIVER_TOKEN":
      if (token.tokenId) return t("driverToken", { token: token.tokenId });
      return token.customerId == null ? t("driverCustomerOnFile") : t("driverCustomer", { customer: token.customerId });
    case "RFID":
      return token.rfidValue ? t("rfid", { tag: token.rfidValue }) : t("rfidUnknown");
    case "AD_HOC":
      return t("adHoc");
    default: {
      const unreachable: never = token.tokenStrategy;
      return unreachable;
    }
  }
}
