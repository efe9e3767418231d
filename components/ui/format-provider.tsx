"use client";
// Hands every client component the reader's formatter. The server picks locale and time zone so the first
// render matches. A user who chose a zone in Settings keeps it; otherwise, if the browser's time zone differs
// (first visit, travel), it is remembered and applied.
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from "react";
import { createFormatter, type FormatSettings, type Formatter } from "@/lib/format";
import { TIME_ZONE_COOKIE } from "@/lib/format/reader";

const FormatContext = createContext<Formatter>(createFormatter({ locale: "en-GB", timeZone: "UTC" }));

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || timeZoneFallback;
const timeZoneFallback = "UTC";

export function FormatProvider({
  locale,
  timeZone,
  followsBrowser,
  children,
}: Required<FormatSettings> & { followsBrowser: boolean; children: React.ReactNode }) {
  // Hydrates with the server's zone, then renders with the browser's unless the user chose one.
  const browser = useSyncExternalStore(noSubscription, browserTimeZone, () => timeZone);
  const zone = followsBrowser ? browser : timeZone;
  useEffect(() => {
    if (followsBrowser && zone !== timeZone) {
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    }
  }, [followsBrowser, zone, timeZone]);
  const formatter = useMemo(() => createFormatter({ locale, timeZone: zone }), [locale, zone]);
  return <FormatContext.Provider value={formatter}>{children}</FormatContext.Provider>;
}

/** The one formatter, bound to the reader: `const f = useFormat(); f.dateTime(iso); f.money(1234, "EUR")`. */
export function useFormat(): Formatter {
  return useContext(FormatContext);
}
