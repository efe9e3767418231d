"use client";
// A timestamp shown in the reader's own locale and time zone.
import { useEffect, useState } from "react";

export function LocalTime({ iso, options }: { iso: string; options?: Intl.DateTimeFormatOptions }) {
  const [text, setText] = useState(() => new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC");
  useEffect(() => {
    setText(new Intl.DateTimeFormat(undefined, options ?? { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)));
  }, [iso, options]);
  return <time dateTime={iso}>{text}</time>;
}
