// A calendar day as the URL and forms carry it, "2026-12-01": a real date (no 2026-02-30, no 0000-00-00)
// in the years the app deals with, so no impossible day reaches a date computation or the database.
import { z } from "zod";
import { SCHEMA_MESSAGES } from "./plain-errors";

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const calendarDay = z.string().refine(isCalendarDay, SCHEMA_MESSAGES.calendarDay);
