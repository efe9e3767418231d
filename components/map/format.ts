// Display helpers for the map: distances, power and availability in the reader's locale.
import type { BadgeTone } from "@/components/ui/badge";
import type { Availability } from "@/lib/search/types";

export function formatDistance(metres: number, locale?: string): string {
  if (metres < 1000) {
    return new Intl.NumberFormat(locale, { style: "unit", unit: "meter", maximumFractionDigits: 0 }).format(
      Math.round(metres / 10) * 10,
    );
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: "kilometer",
    maximumFractionDigits: metres < 10_000 ? 1 : 0,
  }).format(metres / 1000);
}

export function formatPower(kw: number, locale?: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(kw)} kW`;
}

export const AVAILABILITY_LABELS: Record<Availability, { label: string; tone: BadgeTone }> = {
  available: { label: "Available", tone: "success" },
  occupied: { label: "Occupied", tone: "warning" },
  unavailable: { label: "Out of service", tone: "danger" },
  unknown: { label: "Status unknown", tone: "neutral" },
};
