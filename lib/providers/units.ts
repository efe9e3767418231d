// Unit conversions shared by the transforms: decimals to minor units, ISO 8601 durations, power, coordinates.

/**
 * A decimal amount (number or string, e.g. 18.75, "18.75", 0.30000000000000004, "1e-2") as an integer
 * count of 10^-fractionDigits units, rounded half away from zero. Works on the decimal digits, never on
 * binary floating point, so 18.75 → 1875 and 0.1 + 0.2 → 30.
 */
export function decimalToMinor(value: number | string, fractionDigits = 2): number {
  const text = typeof value === "number" ? numberToPlainString(value) : value.trim();
  const match = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === ""))
    throw new RangeError(`not a decimal number: ${JSON.stringify(value)}`);
  const negative = match[1] === "-";
  let digits = (match[2] ?? "") + (match[3] ?? "");
  // Position of the decimal point within `digits`, moved by the exponent and the wanted fraction digits.
  let point = (match[2] ?? "").length + Number(match[4] ?? 0) + fractionDigits;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + "0".repeat(point - digits.length);
  const whole = digits.slice(0, point) || "0";
  const rest = digits.slice(point);
  let minor = Number(whole);
  if (rest !== "" && rest[0] >= "5") minor += 1;
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount out of range: ${JSON.stringify(value)}`);
  return negative && minor !== 0 ? -minor : minor;
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  // String(n) is the shortest text that round-trips, i.e. the decimal the sender most likely wrote.
  return String(value);
}

/** "19" / 19 / "7.7" (percent) → basis points (1900 / 770). */
export function percentToBasisPoints(value: number | string): number {
  return decimalToMinor(value, 2);
}

const DURATION =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** ISO 8601 duration to seconds ("PT21.379S" → 21.379, "PT15M" → 900). Years and months are refused: their length varies. */
export function isoDurationToSeconds(value: string): number {
  const match = DURATION.exec(value.trim());
  if (!match || value.trim() === "P" || value.trim().endsWith("T"))
    throw new RangeError(`not an ISO 8601 duration: ${JSON.stringify(value)}`);
  const [, weeks, days, hours, minutes, seconds] = match.map((part) => (part === undefined ? 0 : Number(part)));
  const total =
    (weeks as number) * 604_800 +
    (days as number) * 86_400 +
    (hours as number) * 3_600 +
    (minutes as number) * 60 +
    (seconds as number);
  // Millisecond precision: floating sums like 21.379000000000001 are not information.
  return Math.round(total * 1000) / 1000;
}

/** Watts → kilowatts (50000 → 50, 3680 → 3.68). */
export function wattsToKw(watts: number): number {
  return Math.round(watts) / 1000;
}

/** A coordinate sent as text ("52.331142") or number; null when it is not a usable number in range. */
export function parseCoordinate(value: string | number, kind: "latitude" | "longitude"): number | null {
  const number = typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value);
  const limit = kind === "latitude" ? 90 : 180;
  return Number.isFinite(number) && Math.abs(number) <= limit ? number : null;
}

/** Great-circle distance in metres. */
export function haversineMetres(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const toRad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = toRad(b.latitude - a.latitude);
  const dLon = toRad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.latitude)) * Math.cos(toRad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Fallback when a provider omits a location's IANA zone: the country's main zone, else UTC. */
const COUNTRY_TIME_ZONES: Record<string, string> = {
  DE: "Europe/Berlin",
  DEU: "Europe/Berlin",
  NO: "Europe/Oslo",
  NOR: "Europe/Oslo",
  SE: "Europe/Stockholm",
  SWE: "Europe/Stockholm",
  DK: "Europe/Copenhagen",
  DNK: "Europe/Copenhagen",
  FI: "Europe/Helsinki",
  FIN: "Europe/Helsinki",
  NL: "Europe/Amsterdam",
  NLD: "Europe/Amsterdam",
  BE: "Europe/Brussels",
  BEL: "Europe/Brussels",
  FR: "Europe/Paris",
  FRA: "Europe/Paris",
  AT: "Europe/Vienna",
  AUT: "Europe/Vienna",
  CH: "Europe/Zurich",
  CHE: "Europe/Zurich",
  GB: "Europe/London",
  GBR: "Europe/London",
  IE: "Europe/Dublin",
  IRL: "Europe/Dublin",
  ES: "Europe/Madrid",
  ESP: "Europe/Madrid",
  IT: "Europe/Rome",
  ITA: "Europe/Rome",
  PL: "Europe/Warsaw",
  POL: "Europe/Warsaw",
  PT: "Europe/Lisbon",
  PRT: "Europe/Lisbon",
  LU: "Europe/Luxembourg",
  LUX: "Europe/Luxembourg",
};

export function timeZoneFor(timeZone: string | undefined | null, country?: string | null): string {
  if (timeZone && timeZone.trim() !== "") return timeZone;
  return (country && COUNTRY_TIME_ZONES[country.toUpperCase()]) || "UTC";
}

/** "DE*8PS*E123*1" → country "DE", operator "DE*8PS" (eMI3 ids carry both). */
export function operatorFromEvseId(evseId: string | undefined | null): {
  country: string | null;
  operator: string | null;
} {
  // The whole id must be eMI3 (ISO 15118 EVSEID), or a charger name like "CHARGER-17" would read as one.
  const match = evseId ? /^([A-Z]{2})\*?([A-Z0-9]{3})\*?E[A-Z0-9*]{1,30}$/i.exec(evseId) : null;
  if (!match) return { country: null, operator: null };
  const country = match[1].toUpperCase();
  return { country, operator: `${country}*${match[2].toUpperCase()}` };
}

/** Whole seconds between two times, never negative; null without an end. */
export function secondsBetween(start: Date, end: Date | null): number | null {
  return end ? Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000)) : null;
}
