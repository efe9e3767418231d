import { describe, expect, it } from "vitest";
import { wordsFor } from "@/lib/notifications/words";
import { alertFacts, describeAlert } from "./kinds";

const charger = { name: "Ladepark Mitte", timeZone: "Europe/Berlin" };

describe("alert kinds", () => {
  it("says a cost above its estimate with both amounts, in the reader's language", () => {
    const facts = {
      charger,
      estimate: { amountMinor: 1250, currency: "EUR" },
      cost: { amountMinor: 4100, currency: "EUR" },
    };
    const en = describeAlert({ kind: "session.cost_above_estimate", facts }, wordsFor("en"));
    expect(en).toEqual({
      title: "Session at Ladepark Mitte cost more than estimated",
      body: "It cost €41.00; the estimate shown when it was booked was €12.50.",
    });
    const de = describeAlert({ kind: "session.cost_above_estimate", facts }, wordsFor("de"));
    expect(de?.body).toBe("Er hat 41,00\u00a0€ gekostet; bei der Buchung wurden 12,50\u00a0€ geschätzt.");
  });

  it("names the policy, the figure and the limit of a breach", () => {
    const facts = {
      charger,
      rule: "sessionCap",
      policy: { scope: "driver", name: "Ana Lima" },
      figure: "€31.00",
      limit: "€25.00",
    } as const;
    expect(describeAlert({ kind: "policy.breach", facts }, wordsFor("en"))?.body).toBe(
      "This session cost €31.00, above the cap of €25.00 per session in the policy for Ana Lima.",
    );
  });

  it("adds the fee to an expired booking only where the provider charged one", () => {
    const base = { charger, windowStart: "2026-12-03T09:00:00Z", windowEnd: "2026-12-03T10:00:00Z" };
    const withoutFee = describeAlert({ kind: "booking.expired", facts: base }, wordsFor("en"));
    expect(withoutFee?.body).not.toContain("fee");
    const withFee = describeAlert(
      { kind: "booking.expired", facts: { ...base, fee: { amountMinor: 500, currency: "EUR" } } },
      wordsFor("en"),
    );
    expect(withFee?.body).toContain("The provider charged a fee of €5.00.");
  });

  it("refuses facts that do not fit the kind, and shows nothing for an unknown kind", () => {
    expect(() => alertFacts("session.no_energy", { charger, startedAt: "x" } as never)).toThrow();
    expect(describeAlert({ kind: "session.unknown", facts: {} }, wordsFor("en"))).toBeNull();
    expect(describeAlert({ kind: "session.no_energy", facts: { charger } }, wordsFor("en"))).toBeNull();
  });
});
