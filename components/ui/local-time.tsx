"use client";
// A timestamp in the reader's locale and time zone, in the app's one date style.
import { useFormat } from "./format-provider";

export function LocalTime({ iso, only }: { iso: string; only?: "date" | "time" }) {
  const f = useFormat();
  const text = only === "date" ? f.date(iso) : only === "time" ? f.time(iso) : f.dateTime(iso);
  return <time dateTime={iso}>{text}</time>;
}
