import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PLAIN_ERRORS } from "./plain-errors";

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
