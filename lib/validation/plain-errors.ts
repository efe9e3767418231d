// Validation messages in plain words, for every schema that does not say its own: the server's action and
// route layer and the browser's forms parse with this map, so "Too big: expected string to have <=40
// characters" never reaches a user. A message written in a schema (`z.string().min(1, "Enter a name.")`) wins.
import type { z } from "zod";

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const FORMATS: Record<string, string> = {
  email: "Enter a valid email address, like name@example.com.",
  url: "Enter a valid web address, starting with https://.",
  datetime: "Enter a valid date and time.",
  date: "Enter a valid date.",
  time: "Enter a valid time.",
  uuid: "This reference is not valid.",
  regex: "This is not in the expected format.",
};

function count(n: number | bigint, one: string, many: string): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || input === "";
}

export function plainMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      if (isEmpty(issue.input)) return "This field is required.";
      return issue.expected === "number" || issue.expected === "int" ? "Enter a number." : "Enter a valid value.";
    case "too_small": {
      const { origin, minimum } = issue;
      if (origin === "string") {
        return Number(minimum) <= 1
          ? "This field is required."
          : `Use at least ${count(minimum, "character", "characters")}.`;
      }
      if (origin === "array" || origin === "set") return `Choose at least ${minimum}.`;
      if (origin === "date") return "This date is too early.";
      return issue.inclusive === false ? `Enter a number above ${minimum}.` : `Enter ${minimum} or more.`;
    }
    case "too_big": {
      const { origin, maximum } = issue;
      if (origin === "string") return `Use at most ${count(maximum, "character", "characters")}.`;
      if (origin === "array" || origin === "set") return `Choose at most ${maximum}.`;
      if (origin === "date") return "This date is too late.";
      return issue.inclusive === false ? `Enter a number below ${maximum}.` : `Enter ${maximum} or less.`;
    }
    case "invalid_format":
      return FORMATS[issue.format] ?? FORMATS.regex;
    case "invalid_value":
      return "Choose one of the options.";
    case "not_multiple_of":
      return `Enter a multiple of ${issue.divisor}.`;
    case "unrecognized_keys":
      return "The form sent fields this page does not know. Reload the page and try again.";
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return "Enter a valid value.";
    default:
      return "Check this field.";
  }
}

/** For `schema.safeParse(input, PLAIN_ERRORS)` and the forms' zod resolver. */
export const PLAIN_ERRORS = { error: (issue: Issue) => plainMessage(issue) } as const;
