import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError, text } from "@/lib/errors";
import { ENGLISH, failureWords, toFailure, unsafeTextFailure, validationFailure } from "./errors";

const german = failureWords("de");

describe("a failure in the reader's language", () => {
  it("says a domain error's text and its field errors in her words", () => {
    const error = new DomainError("VALIDATION", text("fieldsNeedAttention"), { name: [text("forbidden")] });
    expect(toFailure(error, "test", german)).toMatchObject({
      code: "VALIDATION",
      message: "Einige Felder brauchen Ihre Aufmerksamkeit.",
      fieldErrors: { name: ["Darauf haben Sie keinen Zugriff."] },
    });
    expect(toFailure(error, "test", ENGLISH).message).toBe("Some fields need your attention.");
  });

  it("fills a text's values in, and logs its key", () => {
    const error = new DomainError("INTERNAL", text("internal", { referenceId: "ab12" }));
    expect(error.message).toBe("internal");
    expect(toFailure(error, "test", german).message).toBe("Bei uns ist etwas schiefgelaufen. Referenz: ab12.");
  });

  it("says zod's issues and a schema's own messages in her words", () => {
    const schema = z.object({ name: z.string().min(1), email: z.string().email("Enter a valid email address") });
    const parsed = schema.safeParse({ name: "", email: "x" }, german.parse);
    expect(parsed.success).toBe(false);
    const failure = validationFailure(parsed.error!, german);
    expect(failure.message).toBe("Einige Felder brauchen Ihre Aufmerksamkeit.");
    expect(failure.fieldErrors?.name?.[0]).not.toMatch(/required/i);
    expect(failure.fieldErrors?.email?.[0]).not.toBe("Enter a valid email address");
  });

  it("names the unsafe field in her words", () => {
    expect(unsafeTextFailure({ name: "a\u0000b" }, german)?.fieldErrors).toEqual({
      name: ["Entfernen Sie die unsichtbaren Steuerzeichen aus diesem Feld."],
    });
  });

  it("gives an unexpected error a reference in her words", () => {
    const failure = toFailure(new Error("boom"), "test", german);
    expect(failure.code).toBe("INTERNAL");
    expect(failure.message).toBe(`Bei uns ist etwas schiefgelaufen. Referenz: ${failure.referenceId}.`);
  });
});
