// How a charger's availability reads on the map: the tone of its badge; the words are `map.availability.*`.
import type { BadgeTone } from "@/components/ui/badge";
import type { Availability } from "@/lib/search/types";

export const AVAILABILITY_TONES: Record<Availability, BadgeTone> = {
  available: "success",
  occupied: "warning",
  unavailable: "danger",
  unknown: "neutral",
};
