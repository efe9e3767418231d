"use client";
// A timestamp shown in the reader's own locale and time zone (UTC until the page is hydrated).
import { useIsClient } from "./use-is-client";

export function LocalTime({ iso, options }: { iso: string; options?: Intl.DateTimeFormatOptions }) {
  const isClient = useIsClient();
  const date = new Date(iso);
  const text = isClient
    ? new Intl.DateTimeFormat(undefined, options ?? { dateStyle: "medium", timeStyle: "short" }).format(date)
    : `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;
  return <time dateTime={iso}>{text}</time>;
}
