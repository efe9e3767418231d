"use client";
// One charge point offered instead of a taken one: where it is, its power, its price for this booking, how far.
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/format-provider";
import type { BookableEvse } from "@/lib/bookings/chargers";
import { snapshotPrice } from "./charger-words";
import { useChargerWords } from "./use-charger-words";

export function AlternativeSummary({ alternative }: { alternative: BookableEvse }) {
  const f = useFormat();
  const words = useChargerWords();
  const common = useTranslations("common");
  const { charger } = alternative;
  return (
    <span className="text-sm">
      <span className="font-medium">{charger.name}</span> · {charger.evseId ?? alternative.evseUid} ·{" "}
      {words.connector(charger)}
      {alternative.distanceM !== undefined
        ? ` · ${common("charger.away", { distance: f.distance(alternative.distanceM) })}`
        : ""}
      <span className="block text-slate-600 dark:text-slate-400">
        {words.price(snapshotPrice(charger), "thisBooking")}
      </span>
    </span>
  );
}
