import { describe, expect, it } from "vitest";
import type { Language } from "@/lib/i18n/languages";
import { renderedText } from "@/tests/support/intl";
import { AuditChange } from "./audit-change";

const text = (before: unknown, after: unknown, language: Language = "en") =>
  renderedText(<AuditChange before={before} after={after} />, language, "UTC");

describe("AuditChange", () => {
  it("says what changed, field by field, in words", () => {
    expect(text({ enabled: true }, { enabled: false })).toBe("Show the change Enabled yes → no");
    expect(text(null, { visualNumber: "DE-1", status: "OUTCOME_UNKNOWN", tags: ["a", "b"], spotOn: {} })).toBe(
      "Show the change Visual number DE-1 Status outcome unknown Tags 2 items Spot on 0 details",
    );
    expect(text(null, null)).toBe("");
  });

  it("speaks German to a German reader", () => {
    expect(text({ enabled: true }, { enabled: false }, "de")).toBe("Änderung anzeigen Aktiviert ja → nein");
    expect(text({ status: "pending" }, { status: "withdrawn", role: "DRIVER", tags: ["a"] }, "de")).toBe(
      "Änderung anzeigen Status ausstehend → zurückgezogen Rolle Fahrer Tags 1 Eintrag",
    );
  });
});
