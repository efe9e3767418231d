import { describe, expect, it } from "vitest";
import { ENGLISH, failureWords } from "@/lib/actions/errors";
import { EVSE_STATUSES } from "@/lib/domain";
import { startAvailability } from "./start-availability";

const reason = (why: string, words = ENGLISH) => words.errors("sessions.unavailable", { why });

describe("startAvailability", () => {
  it("offers a start only on a free EVSE that accepts remote starts", () => {
    expect(startAvailability({ status: "AVAILABLE", remoteStart: true })).toEqual({ canStart: true });
    for (const status of EVSE_STATUSES.filter((s) => s !== "AVAILABLE"))
      expect(startAvailability({ status, remoteStart: true }).canStart).toBe(false);
  });

  it("says an EVSE in use is offered once it is free", () => {
    const result = startAvailability({ status: "CHARGING", remoteStart: true });
    expect(result).toEqual({ canStart: false, why: "CHARGING" });
    if (!result.canStart) {
      expect(reason(result.why)).toBe("In use — start is offered when it is free.");
      expect(reason(result.why, failureWords("de"))).toBe(
        "Belegt – der Start wird angeboten, sobald der Ladepunkt frei ist.",
      );
    }
  });

  it("explains a charger without remote start before its status", () => {
    const result = startAvailability({ status: "AVAILABLE", remoteStart: false });
    expect(result.canStart).toBe(false);
    if (!result.canStart) expect(reason(result.why)).toMatch(/at the charger with a charging key/);
  });

  it("gives every status a reason in words, never the status code", () => {
    for (const status of EVSE_STATUSES.filter((s) => s !== "AVAILABLE")) {
      const result = startAvailability({ status, remoteStart: true });
      if (!result.canStart) expect(reason(result.why)).not.toMatch(/[A-Z]{4,}/);
    }
  });

  it("reads a status the app does not know as unknown", () => {
    expect(startAvailability({ status: "FLOODED" as never, remoteStart: true })).toEqual({
      canStart: false,
      why: "UNKNOWN",
    });
  });
});
