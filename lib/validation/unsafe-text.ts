// Text no field may hold: NUL and other control characters (PostgreSQL refuses NUL in text, logs and CSV
// are corrupted by the others) and lone UTF-16 surrogates (not text at all). The action and route layer
// refuses such input before anything else — before authorization, so nothing is written for it.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSAFE_TEXT_MESSAGE = "Remove the invisible control characters from this field.";

/** The dotted path of the first string (or object key) with unsafe text, or null when all is clean. */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") {
    return CONTROL.test(value) || LONE_SURROGATE.test(value) ? path.join(".") || "_form" : null;
  }
  if (depth > 20 || value === null || typeof value !== "object") return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, inner] of entries) {
    if (CONTROL.test(key) || LONE_SURROGATE.test(key)) return path.join(".") || "_form";
    const found = findUnsafeText(inner, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}
