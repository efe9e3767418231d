// One charge point offered instead of a taken one: where it is, what it charges with, its price, how far.
import type { BookableEvse } from "@/lib/bookings/chargers";
import { formatMinor } from "./format";

export function AlternativeSummary({ alternative }: { alternative: BookableEvse }) {
  const { charger } = alternative;
  const price = formatMinor(charger.estimateMinor, charger.currency);
  return (
    <span className="text-sm">
      <span className="font-medium">{charger.name}</span> · {charger.evseId ?? alternative.evseUid} ·{" "}
      {charger.connectorLabel ?? "power not published"} ·{" "}
      {price ? `about ${price} for the window` : "price not published"}
      {alternative.distanceM !== undefined ? ` · ${(alternative.distanceM / 1000).toFixed(1)} km away` : ""}
    </span>
  );
}
