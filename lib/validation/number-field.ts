// Numbers typed into forms and CSV cells: "52,4672" (German spreadsheets) or "52.4672"; an empty cell is
// missing, never 0.
import { z } from "zod";

export function toNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  const normalised = /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(",", ".") : trimmed;
  const number = Number(normalised);
  return Number.isFinite(number) ? number : value;
}

/** A number given as text or as a number, with its own words for "missing" and "not a number". */
export function numberField(missing: string, notNumber: string) {
  return z.preprocess(toNumber, z.number({ error: (issue) => (issue.input === undefined ? missing : notNumber) }));
}
