// Display helpers for booking screens, in the reader's locale.
export function formatMinor(
  amountMinor: number | null | undefined,
  currency: string | null | undefined,
): string | null {
  if (amountMinor === null || amountMinor === undefined || !currency) return null;
  return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(amountMinor / 100);
}

/** The window in the charger's time zone, which is where the driver will be. */
export function formatWindow(startIso: string, endIso: string, timeZone: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const date = new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: "medium" });
  const time = new Intl.DateTimeFormat(undefined, { timeZone, timeStyle: "short" });
  return `${date.format(start)} ${time.format(start)} – ${date.format(start) === date.format(end) ? "" : `${date.format(end)} `}${time.format(end)}`;
}
