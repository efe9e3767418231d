// What the empty results list says: which filters narrowed the search, and what to try.
import type { Formatter } from "@/lib/format";
import type { Translate } from "@/lib/i18n/messages";
import type { ChargerFilters } from "@/lib/search/filters";
import type { CommonTranslator } from "@/components/bookings/charger-words";
import { connectorName } from "@/lib/domain/labels";

/** `t` translates the `map` namespace, `common` the `common` one. */
export function emptyResultsMessage(
  filters: ChargerFilters,
  f: Formatter,
  t: Translate,
  common: CommonTranslator,
): string {
  const parts: string[] = [];
  if (filters.minPowerKw) parts.push(t("empty.minPower", { power: f.power(filters.minPowerKw) }));
  if (filters.current) parts.push(filters.current);
  if (filters.connectors.length) parts.push(filters.connectors.map((c) => connectorName(common, c)).join("/"));
  if (filters.availableNow) parts.push(t("empty.freeNow"));
  if (filters.reservable || filters.window)
    parts.push(t(filters.window ? "empty.bookableInWindow" : "empty.reservable"));
  if (filters.operator) parts.push(t("empty.operator", { operator: filters.operator }));
  if (!parts.length) return t("empty.noFilters");
  const hint = t(filters.minPowerKw ? "empty.lowerPower" : "empty.loosenFilters");
  return t("empty.withFilters", { filters: parts.join(", "), hint });
}
