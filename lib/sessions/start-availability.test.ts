import { describe, expect, it } from "vitest";
import { EVSE_STATUSES } from "@/lib/domain";
import { startAvailability } from "./start-availability";

describe("startAvailability", () => {
  it("offers a start only on a free EVSE that accepts remote starts", () => {
    expect(startAvailability({ status: "AVAILABLE", remoteStart: true })).toEqual({ canStart: true });
    for (const status of EVSE_STATUSES.filter((s) => s !== "AVAILABLE"))
      expect(startAvailability({ status, remoteStart: true }).canStart).toBe(false);
  });

  it("says an EVSE in use is offered once it is free", () => {
    expect(startAvailability({ status: "CHARGING", remoteStart: true })).toEqual({
      canStart: false,
      reason: "In use — start is offered when it is free.",
    });
  });

  it("explains a charger without remote start before its status", () => {
    const result = startAvailability({ status: "AVAILABLE", remoteStart: false });
    expect(result.canStart).toBe(false);
    if (!result.canStart) expect(result.reason).toMatch(/at the charger with a charging key/);
  });

  it("gives every status a reason in words, never the status code", () => {
    for (const status of EVSE_STATUSES.filter((s) => s !== "AVAILABLE")) {
      const result = startAvailability({ status, remoteStart: true });
      if (!result.canStart) expect(result.reason).not.toMatch(/[A-Z]{4,}/);
    }
  });
});
