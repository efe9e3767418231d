// A report period of calendar days in a time zone, as the UTC instants the database compares with.
import { TZDate } from "@date-fns/tz";

export interface Period {
  /** First instant inside the period. */
  start: Date;
  /** First instant after the period. */
  end: Date;
}

export function periodInZone(from: string, to: string, timeZone: string): Period {
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  return {
    start: new Date(new TZDate(fy, fm - 1, fd, timeZone).getTime()),
    end: new Date(new TZDate(ty, tm - 1, td + 1, timeZone).getTime()),
  };
}

/** The current calendar month up to today, as report defaults. */
export function defaultPeriod(now = new Date()): { from: string; to: string } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1));
  return { from: from.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
}
