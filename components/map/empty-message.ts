// What the empty results list says: which filters narrowed the search, and what to try.
import { connectorLabel } from "@/lib/domain/labels";
import type { Formatter } from "@/lib/format";
import type { ChargerFilters } from "@/lib/search/filters";

export function emptyResultsMessage(filters: ChargerFilters, f: Formatter): string {
  const parts: string[] = [];
  if (filters.minPowerKw) parts.push(`≥${f.power(filters.minPowerKw)}`);
  if (filters.current) parts.push(filters.current);
  if (filters.connectors.length) parts.push(filters.connectors.map(connectorLabel).join("/"));
  if (filters.availableNow) parts.push("free now");
  if (filters.reservable || filters.window) parts.push(filters.window ? "bookable in that window" : "reservable");
  if (filters.operator) parts.push(`from “${filters.operator}”`);
  if (!parts.length) return "No chargers here — widen the area or move the map.";
  const hint = filters.minPowerKw ? "lower the power filter" : "loosen the filters";
  return `No chargers with ${parts.join(", ")} here — widen the area or ${hint}.`;
}
