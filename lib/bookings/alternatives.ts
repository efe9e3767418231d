// Orders the charge points offered instead of a taken one: most like it first, so an 11 kW AC slot is not
// replaced by a 400 kW DC one a few metres closer.
import type { BookableEvse } from "./chargers";
import type { ChargerSnapshot } from "./schemas";

type Connector = Pick<ChargerSnapshot, "connectorStandard" | "powerType" | "powerKw">;

const isDc = (powerType: string) => powerType === "DC";

/** 0 same standard and current, 1 same current (AC or DC), 2 another current, 3 nothing known to compare. */
function likeness(taken: Connector, candidate: Connector): number {
  if (!taken.powerType || !candidate.powerType) return 3;
  if (isDc(taken.powerType) !== isDc(candidate.powerType)) return 2;
  return taken.connectorStandard && taken.connectorStandard === candidate.connectorStandard ? 0 : 1;
}

function powerGap(taken: Connector, candidate: Connector): number {
  return taken.powerKw !== undefined && candidate.powerKw !== undefined
    ? Math.abs(taken.powerKw - candidate.powerKw)
    : Infinity;
}

/**
 * Same kind of connector first, then the closest power, then the nearest (the rest of the same location
 * before others at the same distance). Without the taken one's connector, by distance alone.
 */
export function rankAlternatives(
  taken: { locationId: string; evseUid: string; connector?: Connector },
  candidates: BookableEvse[],
  max = 6,
): BookableEvse[] {
  const connector = taken.connector ?? {};
  const keyed = candidates
    .filter((e) => e.charger.reservable && !(e.locationId === taken.locationId && e.evseUid === taken.evseUid))
    .map((e) => ({
      e,
      likeness: likeness(connector, e.charger),
      gap: powerGap(connector, e.charger),
      distance: e.locationId === taken.locationId ? -1 : (e.distanceM ?? Infinity),
    }));
  keyed.sort((a, b) => a.likeness - b.likeness || compare(a.gap, b.gap) || compare(a.distance, b.distance));
  return keyed.slice(0, max).map((k) => k.e);
}

/** Ascending, with Infinity last and equal infinities equal (Infinity - Infinity is NaN). */
function compare(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
