// What a booking stores about its charger comes from the provider (or the fleet's own depot chargers), never
// from the browser: the browser says which charge point, the provider says what it is. Used by every path
// that books — a single booking, booking again at an alternative, and each line of a batch when it runs.
import "server-only";
import { DomainError, text, type FieldMessage } from "@/lib/errors";
import { distanceM } from "@/lib/geo/distance";
import {
  appChargerLookup,
  findBookableEvse,
  searchBookableChargers,
  type BookableEvse,
  type ChargerLookup,
} from "./chargers";
import type { BookingProviders } from "./providers";
import type { BookingRequest } from "./schemas";

const NOT_LISTED = text("bookings.notListed");
const NOT_RESERVABLE = text("bookings.notReservable");

/**
 * The request with the charger's facts as its provider (or the fleet) lists them: looked up for the window
 * (with its price estimate), else whatever its availability — whether the window is free is for the provider
 * to say when booking, so a taken one still gets alternatives. Refused in plain words when nobody lists it.
 */
export async function withProviderFacts(
  providers: BookingProviders,
  fleetId: string,
  request: BookingRequest,
  lookup: ChargerLookup = appChargerLookup(),
): Promise<BookingRequest> {
  const evse = {
    fleetId,
    provider: request.provider,
    locationId: request.locationId,
    evseUid: request.evseUid,
    latitude: request.charger.latitude,
    longitude: request.charger.longitude,
    positionKnown: request.charger.positionKnown,
  };
  const window = { start: new Date(request.windowStart), end: new Date(request.windowEnd) };
  const found =
    (await findBookableEvse(providers, { ...evse, window }, lookup)) ??
    (await findBookableEvse(providers, evse, lookup));
  if (!found) {
    throw new DomainError("VALIDATION", text("fieldsNeedAttention"), { evseUid: [NOT_LISTED] });
  }
  if (!found.charger.reservable) {
    throw new DomainError("VALIDATION", text("fieldsNeedAttention"), { evseUid: [NOT_RESERVABLE] });
  }
  return { ...request, charger: found.charger };
}

/** One search covers lines within this distance of their middle; farther apart, each line is looked up. */
const ONE_SEARCH_RADIUS_KM = 25;

/**
 * A batch's lines with their chargers' facts from the provider, in as few requests as the lines allow: the
 * lines of one provider and one window (what the batch form makes) in one search around their middle, any line
 * that search misses on its own. Every line nobody lists is refused beside it (`items.3.evseUid`).
 */
export async function linesWithProviderFacts(
  providers: BookingProviders,
  fleetId: string,
  lines: BookingRequest[],
): Promise<BookingRequest[]> {
  const groups = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const key = `${line.provider} ${line.windowStart} ${line.windowEnd}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const found: Array<BookableEvse | null> = lines.map(() => null);
  for (const positions of groups.values()) {
    const group = positions.map((i) => lines[i]);
    const middle = {
      latitude: group.reduce((sum, l) => sum + l.charger.latitude, 0) / group.length,
      longitude: group.reduce((sum, l) => sum + l.charger.longitude, 0) / group.length,
    };
    const spreadKm = Math.max(...group.map((l) => distanceM(middle, l.charger))) / 1000;
    if (group.length < 2 || spreadKm > ONE_SEARCH_RADIUS_KM || group.some((l) => l.charger.positionKnown === false))
      continue;
    const locations = await searchBookableChargers(providers, {
      fleetId,
      provider: group[0].provider,
      latitude: middle.latitude,
      longitude: middle.longitude,
      radiusKm: Math.max(1, Math.ceil(spreadKm + 1)),
      window: { start: new Date(group[0].windowStart), end: new Date(group[0].windowEnd) },
      limit: 200,
    });
    for (const i of positions) {
      const location = locations.find((l) => l.locationId === lines[i].locationId);
      found[i] = location?.evses.find((e) => e.evseUid === lines[i].evseUid) ?? null;
    }
  }
  const fieldErrors: Record<string, FieldMessage[]> = {};
  const verified: BookingRequest[] = [];
  for (const [i, line] of lines.entries()) {
    try {
      const evse = found[i];
      if (evse && !evse.charger.reservable) {
        throw new DomainError("VALIDATION", NOT_RESERVABLE, { evseUid: [NOT_RESERVABLE] });
      }
      verified.push(evse ? { ...line, charger: evse.charger } : await withProviderFacts(providers, fleetId, line));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== "VALIDATION") throw error;
      fieldErrors[`items.${i}.evseUid`] = error.fieldErrors?.evseUid ?? [error.text ?? error.message];
    }
  }
  if (Object.keys(fieldErrors).length) {
    throw new DomainError("VALIDATION", text("batches.linesNeedAttention"), fieldErrors);
  }
  return verified;
}
