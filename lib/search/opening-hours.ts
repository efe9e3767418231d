// Whether a location is open, judged in the location's own time zone (OCPI hours are local).
import type { OpeningTimes } from "@/lib/domain";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** OCPI weekday (1 = Monday … 7 = Sunday) and "HH:MM" at `instant` in `timeZone`. */
export function localWeekdayAndTime(instant: Date, timeZone: string): { weekday: number; time: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { weekday: WEEKDAYS.indexOf(part("weekday")) + 1, time: `${part("hour")}:${part("minute")}` };
}

export type OpeningState = "open" | "closed" | "unknown";

export function openingStateAt(openingTimes: OpeningTimes | undefined, timeZone: string, instant: Date): OpeningState {
  if (!openingTimes) return "unknown";
  if (openingTimes.twentyFourSeven) return "open";
  if (!openingTimes.regularHours.length) return "unknown";
  const { weekday, time } = localWeekdayAndTime(instant, timeZone);
  const previousDay = weekday === 1 ? 7 : weekday - 1;
  const open = openingTimes.regularHours.some((h) => {
    const overnight = h.periodEnd <= h.periodBegin; // e.g. 22:00–06:00 runs into the next day
    if (h.weekday === weekday) return overnight ? time >= h.periodBegin : time >= h.periodBegin && time < h.periodEnd;
    return overnight && h.weekday === previousDay && time < h.periodEnd;
  });
  return open ? "open" : "closed";
}

/** Regular hours grouped per weekday for display, e.g. [["Mon", "08:00–20:00"], …]. */
export function weeklyHours(openingTimes: OpeningTimes): Array<[string, string]> {
  return WEEKDAYS.map((label, index) => {
    const periods = openingTimes.regularHours
      .filter((h) => h.weekday === index + 1)
      .sort((a, b) => a.periodBegin.localeCompare(b.periodBegin))
      .map((h) => `${h.periodBegin}–${h.periodEnd}`);
    return [label, periods.length ? periods.join(", ") : "Closed"];
  });
}
