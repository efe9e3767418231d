// Hostile input for every registered endpoint: the values an attacker or a broken client sends. Shared by
// the fuzz test in `npm test` (fixed seed, few runs) and `npm run bench -- fuzz` (many runs).
import fc from "fast-check";
import type { z } from "zod";

const NUL = "\u0000";
const LONE_SURROGATE = "\ud800";

/** Strings that have broken servers: control and invalid characters, huge and odd texts, impossible dates. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(NUL, `a${NUL}b`, "2026-99-99", "0000-00-00", "999999999999", "1e300") },
  fc.constantFrom(
    "",
    " ",
    NUL,
    `a${NUL}b`,
    LONE_SURROGATE,
    `x${LONE_SURROGATE}y`,
    "x".repeat(10_000),
    "%00",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "'; DROP TABLE users; --",
    "2026-99-99",
    "0000-00-00",
    "9999-99-99",
    "2026-02-30",
    "2026-12-01T25:61:00Z",
    "1e300",
    "-1",
    "NaN",
    "Infinity",
    "999999999999",
    "__proto__",
    "null",
    "Europe/Nowhere",
    "\u202e\u0301",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, -0, 1e300, -1e300, 2 ** 31, 2 ** 53, 999_999_999_999, Number.NaN, Infinity, -Infinity, 0.5),
  fc.integer(),
  fc.double(),
);

const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, undefined, true, false),
);

/** A scalar, a list where a scalar belongs, or an object (with a `__proto__` key now and then). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc
      .dictionary(fc.oneof(fc.constant("__proto__"), fc.string({ maxLength: 8 })), hostileScalar, { maxKeys: 3 })
      .map((o) => JSON.parse(JSON.stringify(o)) as unknown),
  },
);

type Def = {
  type?: string;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  options?: z.ZodType[];
  values?: unknown[];
};
const defOf = (schema: unknown): Def => (schema as { def?: Def } | undefined)?.def ?? {};

/** The object shape of a schema, through pipes, defaults and refinements; empty when it has none. */
export function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  let current: unknown = schema;
  for (let depth = 0; depth < 8 && current; depth++) {
    const def = defOf(current);
    if (def.type === "object" && def.shape) return def.shape;
    current = def.in ?? def.innerType;
  }
  return {};
}

const CANDIDATES: unknown[] = [
  "x",
  "Depot Nord",
  "2026-12-01",
  "2026-12-01T10:00:00.000Z",
  "2026-12-01T12:00:00.000Z",
  "driver@example.com",
  "DE*ABC*E1",
  "Europe/Berlin",
  "12.50",
  "1",
  "ABCD-EFGH-JKLM",
  "new-password-2026",
  1,
  10,
  52.5,
  true,
  false,
  null,
];

/** A value the field's own schema accepts, where one of a few usual kinds fits: the background of an input. */
export function plausibleValue(schema: z.ZodType, depth = 0): unknown {
  const def = defOf(schema);
  if (depth > 6) return undefined;
  if (def.type === "optional" || def.type === "default") return plausibleValue(def.innerType!, depth + 1);
  if (def.type === "enum" && def.entries) return Object.values(def.entries)[0];
  if (def.type === "literal" && def.values) return def.values[0];
  if (def.type === "object") {
    return Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, plausibleValue(v, depth + 1)]));
  }
  if (def.type === "array" && def.element) return [plausibleValue(def.element, depth + 1)];
  if (def.type === "union" && def.options?.[0]) return plausibleValue(def.options[0], depth + 1);
  return CANDIDATES.find((candidate) => schema.safeParse(candidate).success);
}

let serial = 0;

/** The background with its free-text values made unique, so a create is not refused as a duplicate. */
function freshen(background: Record<string, unknown>): Record<string, unknown> {
  serial++;
  return Object.fromEntries(
    Object.entries(background).map(([k, v]) => [
      k,
      v === "x" ? `x${serial}` : v === "Depot Nord" ? `Depot ${serial}` : v,
    ]),
  );
}

/**
 * An input for an endpoint: a plausible value in every field but one, which is hostile — so the hostile
 * value gets past the validation of the others and reaches the code behind — and now and then every
 * field hostile at once, with a stray one. The fleet id is valid or hostile.
 */
export function hostileInput(
  schema: z.ZodType | undefined,
  fleetId: string | null,
): fc.Arbitrary<Record<string, unknown>> {
  const shape = shapeOf(schema);
  const own = Object.keys(shape).filter((f) => f !== "fleetId");
  const background = Object.fromEntries(own.map((f) => [f, plausibleValue(shape[f])]));
  const fleet =
    fleetId === null ? hostileValue : fc.oneof({ weight: 6, arbitrary: fc.constant(fleetId) }, hostileValue);
  const oneField =
    own.length === 0
      ? fc.record({ fleetId: fleet, stray: hostileValue })
      : fc
          .tuple(fc.constantFrom(...own), hostileValue, fleet)
          .map(([field, value, id]) => ({ ...freshen(background), fleetId: id, [field]: value }));
  const everyField = fc.record(
    { ...Object.fromEntries(own.map((f) => [f, hostileValue])), fleetId: fleet, stray: hostileValue },
    { requiredKeys: [] },
  );
  return fc.oneof({ weight: 4, arbitrary: oneField }, { weight: 1, arbitrary: everyField });
}

/** The same input as a query string: lists become repeated keys, everything else its text; keys may repeat. */
export function toHostileQuery(input: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v === undefined) continue;
      const text = typeof v === "object" && v !== null ? JSON.stringify(v) : String(v);
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"))}`);
    }
  }
  return parts.join("&");
}
