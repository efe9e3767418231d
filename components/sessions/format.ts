// Display helpers for sessions, keys and reports: money from minor units, energy, durations, in the reader's locale.
import { formatMoney } from "@/lib/money";

export function moneyText(amountMinor: number | null | undefined, currency: string | null | undefined): string {
  if (amountMinor === null || amountMinor === undefined || !currency) return "—";
  return formatMoney({ amountMinor, currency });
}

export function energyText(energyWh: number | null | undefined): string {
  if (energyWh === null || energyWh === undefined) return "—";
  return `${new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(energyWh / 1000)} kWh`;
}

export function durationText(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0
    ? `${h} h ${String(m).padStart(2, "0")} min`
    : m > 0
      ? `${m} min ${String(s).padStart(2, "0")} s`
      : `${s} s`;
}

export function dateText(
  iso: string | null | undefined,
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" },
): string {
  return iso ? new Intl.DateTimeFormat(undefined, options).format(new Date(iso)) : "—";
}

export const STATUS_TONES: Record<string, "neutral" | "info" | "success" | "warning" | "danger"> = {
  WAITING_TO_START: "info",
  STARTED: "info",
  STOP_FAILED: "danger",
  COMPLETE: "success",
  NO_SHOW: "warning",
};
