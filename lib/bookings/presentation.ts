// What a driver needs to find the charger and use the right token: shared by the email, notifications and pages.
import type { TokenStrategy } from "@/lib/domain";
import type { ChargerSnapshot } from "./schemas";

export function mapLink(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
}

/** Where the charger is on a map: its position, or a search for its address when the provider gave none. */
export function chargerMapLink(charger: ChargerSnapshot): string {
  if (charger.positionKnown !== false) return mapLink(charger.latitude, charger.longitude);
  const query = [charger.name, charger.address, charger.postalCode, charger.city].filter(Boolean).join(", ");
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

/** "52.52000, 13.40500", or null when the provider gave no position. */
export function coordinatesText(charger: ChargerSnapshot): string | null {
  if (charger.positionKnown === false) return null;
  return `${charger.latitude.toFixed(5)}, ${charger.longitude.toFixed(5)}`;
}

/** The window in the charger's own time zone, e.g. "Tue, 24 Nov 2026, 07:00 – 09:00 (Europe/Berlin)". */
export function formatWindowAtLocation(start: Date, end: Date, timeZone: string, locale = "en-GB"): string {
  const day = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit" });
  const sameDay = day.format(start) === day.format(end);
  const endText = sameDay ? time.format(end) : `${day.format(end)}, ${time.format(end)}`;
  return `${day.format(start)}, ${time.format(start)} – ${endText} (${timeZone})`;
}

export interface TokenFacts {
  tokenStrategy: TokenStrategy;
  customerId?: string | null;
  tokenId?: string | null;
  fleetGroupId?: string | null;
  rfidValue?: string | null;
}

/** Which token the driver shows at the charger, in plain words. */
export function tokenInstructions(token: TokenFacts): string {
  switch (token.tokenStrategy) {
    case "GROUP_TOKEN":
      return `Use the fleet's charging card or app token (Petit Monde fleet group ${token.fleetGroupId ?? "of your fleet"}).`;
    case "DRIVER_TOKEN":
      return token.tokenId
        ? `Use your own Petit Monde token ${token.tokenId}.`
        : `Use your own Petit Monde card or app (customer ${token.customerId ?? "on file"}).`;
    case "RFID":
      return `Use the RFID tag ${token.rfidValue ?? ""} at the depot charger.`.replace("  ", " ");
    case "AD_HOC":
      return "No token needed: start as a visitor and pay at the charger.";
    default: {
      const unreachable: never = token.tokenStrategy;
      return unreachable;
    }
  }
}

export function addressLine(charger: Pick<ChargerSnapshot, "address" | "postalCode" | "city">): string {
  return [charger.address, [charger.postalCode, charger.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
}

export function formatMoney(amountMinor: number, currency: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amountMinor / 100);
}
