// The /api/chargers query: the active fleet, the (snapped) viewport and the filters.
import { z } from "zod";
import { PROVIDERS } from "@/lib/domain";
import type { BBox } from "@/lib/geo/distance";
import { chargerFilterShape, withValidWindow } from "./filters";

const longitude = z.coerce.number().min(-180).max(180);
const latitude = z.coerce.number().min(-90).max(90);

export const chargerSearchInput = withValidWindow(
  z.object({
    fleetId: z.string().min(1).max(64),
    west: longitude,
    south: latitude,
    east: longitude,
    north: latitude,
    ...chargerFilterShape,
    /** "1": the user asked for fresh statuses (nothing cached is read). */
    refresh: z.literal("1").optional(),
  }),
);

export type ChargerSearchInput = z.infer<typeof chargerSearchInput>;

export function bboxOf(input: Pick<ChargerSearchInput, "west" | "south" | "east" | "north">): BBox {
  return { west: input.west, south: input.south, east: input.east, north: input.north };
}

export const chargerDetailInput = z.object({
  fleetId: z.string().min(1).max(64),
  provider: z.enum(PROVIDERS),
  locationId: z.string().min(1).max(200),
});

export const placeSearchInput = z.object({
  fleetId: z.string().min(1).max(64),
  q: z.string().trim().max(80).default(""),
});
