// Validation messages in plain words, for every schema that does not say its own: the server's action and
// route layer and the browser's forms parse with this map, so "Too big: expected string to have <=40
// characters" never reaches a user. A message written in a schema (`z.string().min(1, "Enter a name.")`) wins.
// The words are the `validation` messages (messages/<language>/validation.json): the browser's forms say them in the
// reader's language (components/ui/zod-form.ts); the server's layer, which has no reader, in English.
import type { z } from "zod";
import { createTranslator } from "use-intl/core";
// Only this namespace: forms in the browser import this file, and every language's messages must not ride along.
import validation from "@/messages/en/validation.json";

type Issue = Parameters<z.core.$ZodErrorMap>[0];

type Messages = typeof validation;
type Format = keyof Messages["formats"];
type Own = keyof Messages["own"];
export type ValidationKey = Exclude<keyof Messages, "formats" | "own"> | `formats.${Format}` | `own.${Own}`;
/** A translator of the `validation` namespace: next-intl's `useTranslations("validation")` is one. */
export type ValidationTranslator = (key: ValidationKey, values?: Record<string, string | number>) => string;

const english = createTranslator({ locale: "en", messages: { validation }, namespace: "validation" });
const ENGLISH: ValidationTranslator = (key, values) => english(key, values);

/** The `validation` messages in English, for text made where there is no reader. */
export const ENGLISH_VALIDATION: ValidationTranslator = ENGLISH;

function isFormat(format: string): format is Format {
  return format in validation.formats;
}

function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || input === "";
}

// Limits are passed as text, so they read as the schema writes them ("1000", never "1,000").
export function plainMessage(issue: Issue, t: ValidationTranslator = ENGLISH): string {
  switch (issue.code) {
    case "invalid_type":
      if (isEmpty(issue.input)) return t("required");
      return issue.expected === "number" || issue.expected === "int" ? t("number") : t("value");
    case "too_small": {
      const { origin, minimum } = issue;
      const min = String(minimum);
      if (origin === "string") {
        return Number(minimum) <= 1 ? t("required") : t("minLength", { min: Number(minimum), count: min });
      }
      if (origin === "array" || origin === "set") return t("minItems", { min });
      if (origin === "date") return t("dateTooEarly");
      return issue.inclusive === false ? t("above", { min }) : t("atLeast", { min });
    }
    case "too_big": {
      const { origin, maximum } = issue;
      const max = String(maximum);
      if (origin === "string") return t("maxLength", { max: Number(maximum), count: max });
      if (origin === "array" || origin === "set") return t("maxItems", { max });
      if (origin === "date") return t("dateTooLate");
      return issue.inclusive === false ? t("below", { max }) : t("atMost", { max });
    }
    case "invalid_format":
      return t(`formats.${isFormat(issue.format) ? issue.format : "regex"}`);
    case "invalid_value":
      return t("option");
    case "not_multiple_of":
      return t("multipleOf", { divisor: String(issue.divisor) });
    case "unrecognized_keys":
      return t("unknownFields");
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return t("value");
    default:
      return t("check");
  }
}

/**
 * Messages a schema gives itself, in English (`z.string().min(1, SCHEMA_MESSAGES.password)`): the server says
 * them so; a form translates them into the reader's language with `translateSchemaMessage`.
 */
export const SCHEMA_MESSAGES: Messages["own"] = validation.own;

const OWN_BY_TEXT = new Map(Object.entries(SCHEMA_MESSAGES).map(([key, text]) => [text, key as Own]));

/** A schema's own English message in the reader's language; any other text as it is. */
export function translateSchemaMessage(message: string, t: ValidationTranslator): string {
  const key = OWN_BY_TEXT.get(message);
  return key ? t(`own.${key}`) : message;
}

/** For `schema.safeParse(input, plainErrors(t))` in the reader's language. */
export function plainErrors(t: ValidationTranslator) {
  return { error: (issue: Issue) => plainMessage(issue, t) } as const;
}

/** For `schema.safeParse(input, PLAIN_ERRORS)` where there is no reader: the server's action and route layer. */
export const PLAIN_ERRORS = plainErrors(ENGLISH);
