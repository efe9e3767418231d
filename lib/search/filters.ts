// The charger search filters: one schema for the URL, the /api/chargers route and the server search.
import { z } from "zod";
import { CONNECTOR_STANDARDS, PROVIDERS, type ConnectorStandard, type ProviderName } from "@/lib/domain";
import { SCHEMA_MESSAGES } from "@/lib/validation/plain-errors";

export interface ChargerFilters {
  /** Any of these connector standards; empty = any. */
  connectors: ConnectorStandard[];
  minPowerKw?: number;
  current?: "AC" | "DC";
  availableNow: boolean;
  reservable: boolean;
  /** Only chargers bookable in this window (ISO 8601 instants). */
  window?: { start: string; end: string };
  /** Empty = every provider that can search. */
  providers: ProviderName[];
  /** Case-insensitive part of the operator's name. */
  operator?: string;
}

export const EMPTY_FILTERS: ChargerFilters = { connectors: [], availableNow: false, reservable: false, providers: [] };

export const MIN_POWER_OPTIONS = [11, 22, 50, 100, 150, 300] as const;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v === undefined ? [] : v),
    z.array(item).max(20),
  );
const flag = z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean());
const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().max(max).optional(),
  );

/** Filter fields as they appear in a query string. */
export const chargerFilterShape = {
  connectors: csv(z.enum(CONNECTOR_STANDARDS)),
  minKw: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().min(0).max(1000).optional()),
  current: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["AC", "DC"]).optional()),
  available: flag,
  reservable: flag,
  start: optionalText(40).pipe(z.iso.datetime({ offset: true }).optional()),
  end: optionalText(40).pipe(z.iso.datetime({ offset: true }).optional()),
  providers: csv(z.enum(PROVIDERS)),
  operator: optionalText(100),
};

/** A time window needs both ends, in order. */
export function withValidWindow<S extends z.ZodType<{ start?: string; end?: string }>>(schema: S) {
  return schema
    .refine((p) => (p.start === undefined) === (p.end === undefined), {
      message: SCHEMA_MESSAGES.searchWindowBothEnds,
      path: ["end"],
    })
    .refine((p) => !p.start || !p.end || Date.parse(p.end) > Date.parse(p.start), {
      message: SCHEMA_MESSAGES.windowEndsAfterStart,
      path: ["end"],
    });
}

export const chargerFilterParams = withValidWindow(z.object(chargerFilterShape));

export type ChargerFilterParams = z.infer<typeof chargerFilterParams>;

export function filtersFromParams(p: ChargerFilterParams): ChargerFilters {
  return {
    connectors: [...new Set(p.connectors)].sort(),
    minPowerKw: p.minKw || undefined,
    current: p.current,
    availableNow: p.available,
    reservable: p.reservable,
    window: p.start && p.end ? { start: p.start, end: p.end } : undefined,
    providers: [...new Set(p.providers)].sort(),
    operator: p.operator,
  };
}

/** The query-string fields for these filters; defaults are left out so URLs stay short. */
export function filtersToParams(filters: ChargerFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.connectors.length) out.connectors = [...filters.connectors].sort().join(",");
  if (filters.minPowerKw) out.minKw = String(filters.minPowerKw);
  if (filters.current) out.current = filters.current;
  if (filters.availableNow) out.available = "1";
  if (filters.reservable) out.reservable = "1";
  if (filters.window) {
    out.start = filters.window.start;
    out.end = filters.window.end;
  }
  if (filters.providers.length) out.providers = [...filters.providers].sort().join(",");
  if (filters.operator) out.operator = filters.operator;
  return out;
}

/**
 * Reads filters from a URL leniently: a hand-edited or outdated link loses the fields that no
 * longer parse instead of failing the page.
 */
export function filtersFromSearchParams(params: URLSearchParams): ChargerFilters {
  const raw = Object.fromEntries(params.entries());
  const parsed = chargerFilterParams.safeParse(raw);
  if (parsed.success) return filtersFromParams(parsed.data);
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  // A broken window drops both of its ends.
  if (bad.has("start") || bad.has("end")) bad.add("start").add("end");
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)));
  const retry = chargerFilterParams.safeParse(kept);
  return retry.success ? filtersFromParams(retry.data) : EMPTY_FILTERS;
}

/** A stable string for cache keys: the same filters always give the same key. */
export function filtersKey(filters: ChargerFilters): string {
  return new URLSearchParams(
    Object.entries(filtersToParams(filters)).sort(([a], [b]) => a.localeCompare(b)),
  ).toString();
}
