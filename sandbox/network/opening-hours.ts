// Whether a location is open for a whole window, in the location's own time zone.
import type { NetLocation } from "./types";

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function localParts(ms: number, timeZone: string): { weekday: number; minutes: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  return { weekday: WEEKDAYS[parts.weekday], minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when [start, end) lies inside one opening period (windows are ≤ 4 h, so one day suffices). */
export function isOpenDuring(location: NetLocation, start: number, end: number): boolean {
  if (location.twentyFourSeven) return true;
  const from = localParts(start, location.timeZone);
  const to = localParts(end - 1, location.timeZone);
  if (from.weekday !== to.weekday) return false;
  return location.regularHours.some(
    (h) =>
      h.weekday === from.weekday && toMinutes(h.periodBegin) <= from.minutes && to.minutes < toMinutes(h.periodEnd),
  );
}
