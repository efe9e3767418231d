import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTranslator } from "next-intl";
import de from "@/messages/de";
import {
  PLAIN_ERRORS,
  SCHEMA_MESSAGES,
  plainErrors,
  translateSchemaMessage,
  type ValidationTranslator,
} from "./plain-errors";

const german = createTranslator({ locale: "de", messages: de, namespace: "validation" });
const GERMAN: ValidationTranslator = (key, values) => german(key, values);

function messageOf(schema: z.ZodType, input: unknown): string | undefined {
  const result = schema.safeParse(input, PLAIN_ERRORS);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe("plain validation messages", () => {
  it("says what is wrong in words, not in zod's terms", () => {
    expect(messageOf(z.string().max(40), "x".repeat(41))).toBe("Use at most 40 characters.");
    expect(messageOf(z.string().min(1), "")).toBe("This field is required.");
    expect(messageOf(z.string().min(8), "abc")).toBe("Use at least 8 characters.");
    expect(messageOf(z.object({ name: z.string() }), {})).toBe("This field is required.");
    expect(messageOf(z.number().int().min(1), 0)).toBe("Enter 1 or more.");
    expect(messageOf(z.number().max(100), 101)).toBe("Enter 100 or less.");
    expect(messageOf(z.number(), "abc")).toBe("Enter a number.");
    expect(messageOf(z.email(), "nope")).toBe("Enter a valid email address, like name@example.com.");
    expect(messageOf(z.enum(["A", "B"]), "C")).toBe("Choose one of the options.");
  });

  it("keeps a message the schema gives itself", () => {
    expect(messageOf(z.string().min(1, "Enter the fleet's name."), "")).toBe("Enter the fleet's name.");
  });
});

describe("in the reader's language", () => {
  const inGerman = (schema: z.ZodType, input: unknown) => {
    const result = schema.safeParse(input, plainErrors(GERMAN));
    return result.success ? undefined : result.error.issues[0]?.message;
  };

  it("says the plain messages in German, limits as the schema writes them", () => {
    expect(inGerman(z.string().max(40), "x".repeat(41))).toBe("Verwenden Sie höchstens 40 Zeichen.");
    expect(inGerman(z.string().min(1), "")).toBe("Dieses Feld ist erforderlich.");
    expect(inGerman(z.number().min(1000), 5)).toBe("Geben Sie 1000 oder mehr ein.");
    expect(messageOf(z.number().min(1000), 5)).toBe("Enter 1000 or more.");
    expect(messageOf(z.string().min(1), "")).toBe("This field is required.");
  });

  it("translates a schema's own message from the messages, and leaves any other as it is", () => {
    expect(translateSchemaMessage(SCHEMA_MESSAGES.password, GERMAN)).toBe("Geben Sie Ihr Passwort ein");
    expect(translateSchemaMessage("Enter the fleet's name.", GERMAN)).toBe("Enter the fleet's name.");
  });
});
