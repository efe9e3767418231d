// A charge point's power and price in words, said one way by the map panel, the booking wizard and the
// alternatives offered after a 409. A price cannot be misread: a rate says "per kWh", an estimate says what
// it is the cost of. The words are the `common.charger` messages; client components get them bound to the
// reader with `useChargerWords()` (./use-charger-words.ts).
import type { PriceEstimate, Tariff } from "@/lib/domain";
import type { Formatter } from "@/lib/format";
import type { ChargerSnapshot } from "@/lib/bookings/schemas";
import { connectorName } from "@/lib/domain/labels";
import type { Translate } from "@/lib/i18n/messages";

/** A translator of the `common` namespace: `useTranslations("common")`, or `translator(language, "common")`. */
export type CommonTranslator = Translate;

/** What an estimate is the cost of: the booking being made, or any booking at this charger. */
export type EstimateSubject = "thisBooking" | "aBooking";

export function chargerWords(f: Formatter, t: CommonTranslator) {
  const words = {
    /** "CCS · 150 kW DC" from the connector's facts; the stored label for older snapshots without them. */
    connector(charger: Pick<ChargerSnapshot, "connectorStandard" | "powerKw" | "powerType" | "connectorLabel">) {
      if (charger.powerKw === undefined || !charger.powerType) {
        return charger.connectorLabel ?? t("charger.powerNotPublished");
      }
      const current = charger.powerType === "DC" ? "DC" : "AC";
      const standard = charger.connectorStandard ? connectorName(t, charger.connectorStandard) : null;
      return [standard, `${f.power(charger.powerKw)} ${current}`].filter(Boolean).join(" · ");
    },
    /** "€0.49 per kWh + €0.10 per min + €1.00 per session"; parts that cost nothing are left out. */
    tariff(tariff: Tariff) {
      const parts = [f.rate(tariff.perKwhMinor, tariff.currency, "kWh")];
      if (tariff.perMinuteMinor) parts.push(f.rate(tariff.perMinuteMinor, tariff.currency, "min"));
      if (tariff.perSessionMinor) parts.push(f.rate(tariff.perSessionMinor, tariff.currency, "session"));
      return parts.join(" + ");
    },
    /**
     * "Estimated cost: €5.85 for this booking, at €0.49 per kWh" when the provider estimates the whole booking;
     * "Fleet rate: €0.44 per kWh" (or "Rate: …") when it publishes rates only.
     */
    price(price: PriceEstimate | undefined, subject: EstimateSubject) {
      const rate = price?.tariff ? words.tariff(price.tariff) : null;
      if (price?.sessionEstimate) {
        const cost = f.moneyOf(price.sessionEstimate);
        return rate ? t("charger.estimateAtRate", { cost, subject, rate }) : t("charger.estimate", { cost, subject });
      }
      if (rate) return t(price?.fleetSpecific ? "charger.fleetRate" : "charger.rate", { rate });
      return t("charger.noPrice");
    },
  };
  return words;
}

export type ChargerWords = ReturnType<typeof chargerWords>;

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
