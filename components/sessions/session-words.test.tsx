import { describe, expect, it } from "vitest";
import { renderedText } from "@/tests/support/intl";
import { SessionStatusBadge } from "./session-status-badge";
import { SessionTotalsRow } from "./session-totals";
import { useStartFailure } from "./session-words";

const text = renderedText;

function StartFailure({ status, provider }: { status: string; provider?: string }) {
  const failure = useStartFailure()(status, provider);
  return failure ? `${failure.reason} | ${failure.next}` : "none";
}

describe("session statuses", () => {
  it("reads a known status in the reader's words", () => {
    expect(text(<SessionStatusBadge status="WAITING_TO_START" />)).toBe("waiting to start");
    expect(text(<SessionStatusBadge status="WAITING_TO_START" />, "de")).toBe("wartet auf Start");
    expect(text(<SessionStatusBadge status="COMPLETE" />, "de")).toBe("abgeschlossen");
  });

  it("still reads a status the provider added later as words, never as a code", () => {
    expect(text(<SessionStatusBadge status="PARTIALLY_REJECTED" />)).toBe("partially rejected");
    expect(text(<SessionStatusBadge status="PARTIALLY_REJECTED" />, "de")).toBe("partially rejected");
  });
});

describe("a failed start", () => {
  it("names the provider, or says the provider when it is not known", () => {
    expect(text(<StartFailure status="FAILED" provider="Plugsurfing" />)).toMatch(
      /^The charger did not start charging, and Plugsurfing gave no reason\..* \| .*wait a minute: Plugsurfing refuses/,
    );
    expect(text(<StartFailure status="FAILED" />)).toContain("and The provider gave no reason.");
    expect(text(<StartFailure status="FAILED" />, "de")).toContain("und der Anbieter hat keinen Grund genannt.");
    expect(text(<StartFailure status="COMPLETE" provider="Plugsurfing" />)).toBe("none");
  });
});

describe("session totals", () => {
  const totals = {
    sessions: 3,
    energyWh: 30_000,
    costs: [{ currency: "EUR", sessions: 1, inclVatMinor: 2380 }],
    unpriced: 2,
  };

  it("counts sessions in English as before", () => {
    const shown = text(<SessionTotalsRow totals={totals} />);
    expect(shown).toContain("Total 3 sessions");
    expect(shown).toContain("(1 session)");
    expect(shown).toContain("2 sessions without a price");
  });

  it("counts sessions in German", () => {
    const shown = text(<SessionTotalsRow totals={totals} />, "de");
    expect(shown).toContain("Gesamt 3 Ladevorgänge");
    expect(shown).toContain("23,80 €");
    expect(shown).toContain("(1 Ladevorgang)");
    expect(shown).toContain("2 Ladevorgänge ohne Preis");
  });
});
