// Merges the providers' search results into one list: the same EVSE reported by two providers
// (same eMI3 id) becomes one EVSE carrying both providers' offers; filters apply to the result.
import { hasCapability, type ChargingLocation, type Connector, type Evse, type EvseStatus } from "@/lib/domain";
import { distanceM, type LatLng } from "@/lib/geo/distance";
import type { ChargerFilters } from "./filters";
import type { Availability, ChargerResult, EvseOffer, MergedEvse } from "./types";

/** "DE*ABC*E123*1", "de-abc-e123-1" and "DEABCE1231" name the same EVSE. */
export function normaliseEvseId(evseId: string | undefined): string {
  return (evseId ?? "").replace(/[*\-\s]/g, "").toUpperCase();
}

const isAc = (c: Connector) => c.powerType !== "DC";

function connectorMatches(c: Connector, filters: ChargerFilters): boolean {
  if (filters.connectors.length && !filters.connectors.includes(c.standard)) return false;
  if (filters.minPowerKw && c.powerKw < filters.minPowerKw) return false;
  if (filters.current === "AC" && !isAc(c)) return false;
  if (filters.current === "DC" && isAc(c)) return false;
  return true;
}

function evseMatches(evse: MergedEvse, filters: ChargerFilters): boolean {
  if (!evse.connectors.some((c) => connectorMatches(c, filters))) return false;
  if (filters.availableNow && evse.status !== "AVAILABLE") return false;
  if ((filters.reservable || filters.window) && !evse.offers.some((o) => o.reservable)) return false;
  return true;
}

function toOffer(location: ChargingLocation, evse: Evse): EvseOffer {
  return {
    provider: location.provider,
    locationId: location.id,
    evseUid: evse.uid,
    status: evse.status,
    capabilities: evse.capabilities,
    connectors: evse.connectors,
    // Bookable where the dashboard can book a future window through this provider.
    reservable:
      hasCapability(location.provider, "bookings") &&
      (location.supportsReservation || evse.capabilities.includes("RESERVABLE")),
    remoteStart:
      hasCapability(location.provider, "remoteStartStop") && evse.capabilities.includes("REMOTE_START_STOP_CAPABLE"),
    price: location.price,
  };
}

/** The freshest known status wins; UNKNOWN never overrides a real one. */
function pickStatus(reports: Array<{ status: EvseStatus; lastUpdated?: string }>): EvseStatus {
  let best: { status: EvseStatus; lastUpdated?: string } | undefined;
  for (const report of reports) {
    if (!best) best = report;
    else if ((best.status === "UNKNOWN") !== (report.status === "UNKNOWN")) {
      if (best.status === "UNKNOWN") best = report;
    } else if ((report.lastUpdated ?? "") > (best.lastUpdated ?? "")) best = report;
  }
  return best?.status ?? "UNKNOWN";
}

function availabilityOf(evses: MergedEvse[]): Availability {
  if (evses.some((e) => e.status === "AVAILABLE")) return "available";
  if (evses.some((e) => e.status === "CHARGING" || e.status === "BLOCKED" || e.status === "RESERVED"))
    return "occupied";
  if (evses.length && evses.every((e) => e.status !== "UNKNOWN")) return "unavailable";
  return "unknown";
}

/** Union–find over location indexes, joined by shared EVSE ids. */
function groupBySharedEvse(locations: ChargingLocation[]): number[][] {
  const parent = locations.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const firstWithId = new Map<string, number>();
  locations.forEach((location, i) => {
    for (const evse of location.evses) {
      const id = normaliseEvseId(evse.evseId);
      if (!id) continue;
      const other = firstWithId.get(id);
      if (other === undefined) firstWithId.set(id, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, number[]>();
  locations.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  // Keep the input order: the group's first member is its primary source.
  return [...groups.values()].sort((a, b) => a[0] - b[0]);
}

function mergeGroup(members: ChargingLocation[], center: LatLng, filters: ChargerFilters): ChargerResult | null {
  const primary = members[0];
  const evses = new Map<string, { evse: MergedEvse; reports: Array<{ status: EvseStatus; lastUpdated?: string }> }>();
  for (const location of members) {
    for (const evse of location.evses) {
      const key = normaliseEvseId(evse.evseId) || `${location.provider}:${location.id}:${evse.uid}`;
      const entry = evses.get(key) ?? {
        evse: {
          evseId: evse.evseId,
          status: evse.status,
          connectors: evse.connectors,
          offers: [],
          matchesFilters: false,
        },
        reports: [],
      };
      entry.evse.offers.push(toOffer(location, evse));
      entry.reports.push({ status: evse.status, lastUpdated: evse.lastUpdated });
      evses.set(key, entry);
    }
  }
  const merged = [...evses.values()].map(({ evse, reports }) => {
    const withStatus = { ...evse, status: pickStatus(reports) };
    return { ...withStatus, matchesFilters: evseMatches(withStatus, filters) };
  });

  const operatorName = members.find((m) => m.operator?.name)?.operator?.name;
  if (filters.operator && !operatorName?.toLowerCase().includes(filters.operator.toLowerCase())) return null;
  const matching = merged.filter((e) => e.matchesFilters);
  if (!matching.length) return null;

  return {
    key: `${primary.provider}:${primary.id}`,
    name: primary.name,
    address: primary.address ?? members.find((m) => m.address)?.address,
    city: primary.city ?? members.find((m) => m.city)?.city,
    postalCode: primary.postalCode,
    country: primary.country,
    latitude: primary.latitude,
    longitude: primary.longitude,
    timeZone: primary.timeZone,
    operatorName,
    openingTimes: members.find((m) => m.openingTimes)?.openingTimes,
    distanceM: Math.round(distanceM(center, primary)),
    maxPowerKw: Math.max(0, ...matching.flatMap((e) => e.connectors.map((c) => c.powerKw))),
    availability: availabilityOf(matching),
    availableEvses: matching.filter((e) => e.status === "AVAILABLE").length,
    evses: merged,
    sources: members.map((m) => ({
      provider: m.provider,
      locationId: m.id,
      supportsReservation: m.supportsReservation,
      price: m.price,
    })),
  };
}

/**
 * Merges result batches (in provider priority order), removes the repeats that overlapping search
 * circles produce, applies the filters and sorts by distance from the map centre.
 */
export function mergeLocations(
  batches: ChargingLocation[][],
  center: LatLng,
  filters: ChargerFilters,
): ChargerResult[] {
  const seen = new Set<string>();
  const locations: ChargingLocation[] = [];
  for (const location of batches.flat()) {
    const key = `${location.provider}:${location.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    locations.push(location);
  }
  return groupBySharedEvse(locations)
    .map((group) =>
      mergeGroup(
        group.map((i) => locations[i]),
        center,
        filters,
      ),
    )
    .filter((r): r is ChargerResult => r !== null)
    .sort((a, b) => a.distanceM - b.distanceM);
}
