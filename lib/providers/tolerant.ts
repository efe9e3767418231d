// Tolerant reading of provider responses: an item that fails its schema is dropped and counted, never the
// whole response; optional fields that are missing or malformed read as undefined.
import { z } from "zod";
import type { ProviderName } from "@/lib/domain";
import { providerTelemetry } from "./telemetry";

export interface DropSource {
  provider: ProviderName;
  operation: string;
}

export interface ArrayPlace {
  provider: ProviderName;
  /** The array's path, relative to the item that holds it (or to the response), e.g. "evses". */
  path: string;
  /** Named by the enclosing tolerantResponse/tolerantArray when left out. */
  operation?: string;
  /** Missing or null reads as an empty list instead of failing the holder. */
  optional?: boolean;
}

interface Scope extends DropSource {
  /** Path of the value being parsed, from the response root. */
  path: string;
}

// The item an enclosing tolerant array is parsing right now, so that nested drops report their full path.
// zod parses synchronously, so a stack is enough.
const scopes: Scope[] = [];

function join(...parts: string[]): string {
  return parts.filter((p) => p !== "").join(".");
}

function within<T>(scope: Scope, run: () => T): T {
  scopes.push(scope);
  try {
    return run();
  } finally {
    scopes.pop();
  }
}

/** Each item that passes `item`, with its 0-based index in what was sent; each one that fails is recorded. */
function parseEach<T extends z.ZodType>(items: readonly unknown[], item: T, place: ArrayPlace) {
  const parent = scopes.at(-1);
  const operation = place.operation ?? parent?.operation ?? "unknown";
  const base = join(parent?.path ?? "", place.path);
  const kept: Array<{ index: number; value: z.output<T> }> = [];
  items.forEach((value, index) => {
    const path = join(base, String(index));
    const result = within({ provider: place.provider, operation, path }, () => item.safeParse(value));
    if (result.success) {
      kept.push({ index, value: result.data });
      return;
    }
    const first = result.error.issues[0]?.path ?? [];
    providerTelemetry().recordDropped({
      provider: place.provider,
      operation,
      path: join(path, ...first.map(String)),
    });
  });
  return kept;
}

/** The items of `items` that pass `item`; each one that does not is recorded with the path of its first issue. */
export function keepValid<T extends z.ZodType>(items: readonly unknown[], item: T, place: ArrayPlace) {
  return parseEach(items, item, place).map((entry) => entry.value);
}

/**
 * An array whose items are parsed one by one: a bad item is dropped and counted. The array itself must be
 * there (unless `optional`): without it the response, or the item holding it, is unusable.
 */
export function tolerantArray<T extends z.ZodType>(item: T, place: ArrayPlace) {
  const list = z.array(z.unknown());
  return (place.optional ? list.nullish() : list).transform((items) => keepValid(items ?? [], item, place));
}

/**
 * Like tolerantArray, each kept item with its 1-based position in what was sent, so that ids derived
 * from the position stay the same when a neighbour is dropped.
 */
export function tolerantPositions<T extends z.ZodType>(item: T, place: ArrayPlace) {
  const list = z.array(z.unknown());
  return (place.optional ? list.nullish() : list).transform((items) =>
    parseEach(items ?? [], item, place).map(({ index, value }) => ({ position: index + 1, value })),
  );
}

/**
 * A whole response, parsed with the operation named so that items dropped anywhere inside are counted
 * under it. What the schema itself refuses (not an object, a top-level array missing) still fails.
 */
export function tolerantResponse<T extends z.ZodType>(schema: T, source: DropSource) {
  return z.unknown().transform((value, ctx): z.output<T> => {
    const result = within({ ...source, path: "" }, () => schema.safeParse(value));
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: "custom", input: value });
    return z.NEVER;
  });
}

/** An optional field: missing, null or malformed all read as undefined rather than sinking the item. */
export function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** A number that may come as text ("18.75", " 7 "); anything else fails. */
export const numeric = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, "not a number")
    .transform(Number),
]);

/** A decimal amount as the provider wrote it (number or numeric text), kept as written for exact conversion. */
export const decimal = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, "not a decimal"),
]);

/** A text field that may come as a number (ids, codes). */
export const text = z.union([z.string(), z.number().transform(String)]);

/** A list of names (capabilities, tags); entries that are not text are ignored. */
export const names = z.array(z.unknown()).transform((list) => list.filter((v): v is string => typeof v === "string"));
