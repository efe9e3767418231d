// What a driver needs to find the charger and use the right token, and a booking's status and fee in words:
// shared by the email, notifications, pages and the CSV export. Amounts are formatted by the caller's Formatter.
import type { TokenStrategy } from "@/lib/domain";
import type { Formatter } from "@/lib/format";
import type { Translate } from "@/lib/i18n/messages";
import type { ChargerSnapshot } from "./schemas";

export function mapLink(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
}

type ChargerPlace = Pick<
  ChargerSnapshot,
  "name" | "address" | "postalCode" | "city" | "latitude" | "longitude" | "positionKnown"
>;

/** The charger's name and address as one search text, e.g. "Depot Tempelhof, Tempelhofer Damm 1, 12101 Berlin". */
function searchText(charger: ChargerPlace): string {
  return [charger.name, charger.address, charger.postalCode, charger.city].filter(Boolean).join(", ");
}

/** Where the charger is on a map: its position, or a search for its address when the provider gave none. */
export function chargerMapLink(charger: ChargerPlace): string {
  if (charger.positionKnown !== false) return mapLink(charger.latitude, charger.longitude);
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(searchText(charger))}`;
}

export interface NavigationLink {
  app: "Google Maps" | "Apple Maps" | "OpenStreetMap";
  href: string;
}

/**
 * Directions to the charger in the driver's map app: to its position, or to its street address when the
 * provider gave no position; null when neither is known (a city alone would send the driver astray).
 */
export function navigationLinks(charger: ChargerPlace): NavigationLink[] | null {
  if (charger.positionKnown !== false) {
    const point = `${charger.latitude},${charger.longitude}`;
    return [
      { app: "Google Maps", href: `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(point)}` },
      { app: "Apple Maps", href: `https://maps.apple.com/?daddr=${encodeURIComponent(point)}` },
      { app: "OpenStreetMap", href: mapLink(charger.latitude, charger.longitude) },
    ];
  }
  if (!charger.address) return null;
  const address = encodeURIComponent(searchText(charger));
  return [
    { app: "Google Maps", href: `https://www.google.com/maps/dir/?api=1&destination=${address}` },
    { app: "Apple Maps", href: `https://maps.apple.com/?daddr=${address}` },
    { app: "OpenStreetMap", href: `https://www.openstreetmap.org/search?query=${address}` },
  ];
}

/** "52.52000, 13.40500", or null when the provider gave no position. */
export function coordinatesText(charger: ChargerSnapshot): string | null {
  if (charger.positionKnown === false) return null;
  return `${charger.latitude.toFixed(5)}, ${charger.longitude.toFixed(5)}`;
}

/** The fee a provider charged (a no-show, a late cancellation), in the booking's own currency. */
export function reportedFee(
  f: Formatter,
  booking: { feeMinor: number | null; currency: string | null },
): string | null {
  if (!booking.feeMinor) return null;
  if (!booking.currency) return "The provider reported a fee but not its currency.";
  return `The provider reported a fee of ${f.money(booking.feeMinor, booking.currency)}.`;
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

/** Which token the driver shows at the charger, in the words of `t`: a translator of the `bookings` messages. */
export function tokenInstructionsIn(t: Translate, token: TokenFacts): string {
  switch (token.tokenStrategy) {
    case "GROUP_TOKEN":
      return token.fleetGroupId
        ? t("mine.token.fleetGroup", { group: token.fleetGroupId })
        : t("mine.token.fleetGroupUnknown");
    case "DRIVER_TOKEN":
      if (token.tokenId) return t("mine.token.driverToken", { token: token.tokenId });
      return token.customerId
        ? t("mine.token.driverCustomer", { customer: token.customerId })
        : t("mine.token.driverCustomerOnFile");
    case "RFID":
      return token.rfidValue ? t("mine.token.rfid", { tag: token.rfidValue }) : t("mine.token.rfidUnknown");
    case "AD_HOC":
      return t("mine.token.adHoc");
    default: {
      const unreachable: never = token.tokenStrategy;
      return unreachable;
    }
  }
}

export function addressLine(charger: Pick<ChargerSnapshot, "address" | "postalCode" | "city">): string {
  return [charger.address, [charger.postalCode, charger.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
}
