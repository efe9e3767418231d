// How a charger's availability reads on the map: words and the tone of the badge.
import type { BadgeTone } from "@/components/ui/badge";
import type { Availability } from "@/lib/search/types";

export const AVAILABILITY_LABELS: Record<Availability, { label: string; tone: BadgeTone }> = {
  available: { label: "Available", tone: "success" },
  occupied: { label: "Occupied", tone: "warning" },
  unavailable: { label: "Out of service", tone: "danger" },
  unknown: { label: "Status unknown", tone: "neutral" },
};
