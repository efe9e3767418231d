// Words stored with a booking, its events and its batch line, for whoever reads them later: the English text in
// its column (CSV, logs, rows written before) and, beside it, the `errors` texts it was said with, so that each
// reader sees it in her own language.
import { Prisma } from "@/generated/prisma/client";
import { inEnglish } from "@/lib/actions/errors";
import type { ErrorText, FieldMessage } from "@/lib/errors";
import { MESSAGES, type Translate } from "@/lib/i18n/messages";

/** One message, or several said one after the other. */
export type StoredWords = FieldMessage | FieldMessage[];

type StoredPart = string | { key: string; values?: Record<string, string | number> };

function partsOf(words: StoredWords): FieldMessage[] {
  return Array.isArray(words) ? words : [words];
}

export function inEnglishWords(words: StoredWords): string {
  return partsOf(words).map(inEnglish).join(" ");
}

/** The words in this reader's language: `errors` is her translator of the `errors` messages. */
export function sayWords(words: StoredWords, errors: Translate): string {
  return partsOf(words)
    .map((part) => (typeof part === "string" ? part : errors(part.key, part.values)))
    .join(" ");
}

function textsOf(words: StoredWords | null | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (!words) return Prisma.DbNull;
  const parts = partsOf(words);
  if (parts.every((part) => typeof part === "string")) return Prisma.DbNull;
  return parts.map((part): StoredPart =>
    typeof part === "string" ? part : part.values ? { key: part.key, values: part.values } : { key: part.key },
  );
}

/** A booking's lastError and its texts; null clears both. */
export function lastErrorColumns(words: StoredWords | null) {
  return { lastError: words ? inEnglishWords(words) : null, lastErrorText: textsOf(words) };
}

/** A batch line's error and its texts; null clears both. */
export function lineErrorColumns(words: StoredWords | null) {
  return { error: words ? inEnglishWords(words) : null, errorText: textsOf(words) };
}

/** A batch line's error taken over from its booking's lastError, texts and all; null where it has none. */
export function lineErrorOf(booking: { lastError: string | null; lastErrorText: Prisma.JsonValue | null }) {
  if (booking.lastError === null) return null;
  return { error: booking.lastError, errorText: booking.lastErrorText ?? Prisma.DbNull };
}

/** A booking event's note and its texts. */
export function noteColumns(words: StoredWords | undefined) {
  return words ? { note: inEnglishWords(words), noteText: textsOf(words) } : {};
}

function isErrorsKey(key: string): boolean {
  let node: unknown = MESSAGES.en.errors;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  // A message with arguments is an array once the build has compiled it (next.config.ts).
  return typeof node === "string" || Array.isArray(node);
}

function isValues(value: unknown): value is Record<string, string | number> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string" || typeof v === "number")
  );
}

function storedWords(texts: Prisma.JsonValue | null): FieldMessage[] | null {
  if (!Array.isArray(texts) || texts.length === 0) return null;
  const words: FieldMessage[] = [];
  for (const part of texts) {
    if (typeof part === "string") {
      words.push(part);
      continue;
    }
    if (typeof part !== "object" || part === null || Array.isArray(part)) return null;
    const { key, values } = part;
    if (typeof key !== "string" || !isErrorsKey(key)) return null;
    if (values !== undefined && !isValues(values)) return null;
    words.push(values === undefined ? { key } : ({ key, values } satisfies ErrorText));
  }
  return words;
}

/** What was stored, in this reader's language; the English text as it is where no texts were stored with it. */
export function sayStored(english: string | null, texts: Prisma.JsonValue | null, errors: Translate): string | null {
  const words = storedWords(texts);
  return words ? sayWords(words, errors) : english;
}
