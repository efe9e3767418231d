// A report period of calendar days in a time zone, as the UTC instants the database compares with; presets
// (this month, last month…) and the previous period a report is compared with.
import { TZDate } from "@date-fns/tz";

export interface Period {
  /** First instant inside the period. */
  start: Date;
  /** First instant after the period. */
  end: Date;
}

/** Calendar days as "2026-03-01", both inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

export function periodInZone(from: string, to: string, timeZone: string): Period {
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  return {
    start: new Date(new TZDate(fy, fm - 1, fd, timeZone).getTime()),
    end: new Date(new TZDate(ty, tm - 1, td + 1, timeZone).getTime()),
  };
}

/** The last six months up to today, as report defaults. */
export function defaultPeriod(now = new Date()): DayRange {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1));
  return { from: from.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
}

export const PERIOD_PRESETS = [
  { id: "thisMonth", label: "This month" },
  { id: "lastMonth", label: "Last month" },
  { id: "thisQuarter", label: "This quarter" },
  { id: "thisYear", label: "This year" },
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]["id"];

/** A calendar day from year, month (0-based) and day; overflowing months and days roll over like Date.UTC. */
function day(year: number, month: number, date: number): string {
  return new Date(Date.UTC(year, month, date)).toISOString().slice(0, 10);
}

function parts(isoDay: string): [number, number, number] {
  const [y, m, d] = isoDay.split("-").map(Number);
  return [y, m - 1, d];
}

/** Today's calendar day on the wall clock of a time zone. */
export function todayInZone(timeZone: string, now = new Date()): string {
  const local = new TZDate(now.getTime(), timeZone);
  return day(local.getFullYear(), local.getMonth(), local.getDate());
}

/** A preset's days in the reader's time zone; the running month, quarter and year end today. */
export function presetPeriod(preset: PeriodPreset, timeZone: string, now = new Date()): DayRange {
  const today = todayInZone(timeZone, now);
  const [y, m] = parts(today);
  switch (preset) {
    case "thisMonth":
      return { from: day(y, m, 1), to: today };
    case "lastMonth":
      return { from: day(y, m - 1, 1), to: day(y, m, 0) };
    case "thisQuarter":
      return { from: day(y, m - (m % 3), 1), to: today };
    case "thisYear":
      return { from: day(y, 0, 1), to: today };
    default: {
      const unknown: never = preset;
      throw new Error(`unknown preset ${String(unknown)}`);
    }
  }
}

/** The preset whose days these are, if any: the page marks its button as pressed. */
export function matchingPreset(range: DayRange, timeZone: string, now = new Date()): PeriodPreset | null {
  const match = PERIOD_PRESETS.find((p) => {
    const days = presetPeriod(p.id, timeZone, now);
    return days.from === range.from && days.to === range.to;
  });
  return match?.id ?? null;
}

/**
 * The period of the same length just before this one. Whole calendar months compare with as many whole months
 * before them (March with February, a quarter with the quarter before); any other range with as many days.
 */
export function previousPeriod(range: DayRange): DayRange {
  const [fy, fm, fd] = parts(range.from);
  const [ty, tm, td] = parts(range.to);
  const wholeMonths = fd === 1 && day(ty, tm, td + 1).endsWith("-01");
  if (wholeMonths) {
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    return { from: day(fy, fm - months, 1), to: day(fy, fm, 0) };
  }
  const days = Math.round((Date.UTC(ty, tm, td) - Date.UTC(fy, fm, fd)) / 86_400_000) + 1;
  return { from: day(fy, fm, fd - days), to: day(fy, fm, fd - 1) };
}
