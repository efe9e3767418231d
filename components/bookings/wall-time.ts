// Converts between an instant and the wall-clock time at the charger (what <input type="datetime-local"> holds).
import { TZDate } from "@date-fns/tz";

const pad = (n: number) => String(n).padStart(2, "0");

export function wallTimeToIso(value: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return undefined;
  const local = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), timeZone);
  return new Date(local.getTime()).toISOString();
}

export function isoToWallTime(iso: string, timeZone: string): string {
  const d = new TZDate(new Date(iso).getTime(), timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
