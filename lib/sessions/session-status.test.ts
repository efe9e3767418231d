import { describe, expect, it } from "vitest";
import { isFailedStart, isRunningStatus, sessionStatusLabel, sessionStatusTone, startFailure } from "./session-status";

describe("sessionStatusLabel", () => {
  it("puts the provider's statuses in words", () => {
    expect(sessionStatusLabel("WAITING_TO_START")).toBe("waiting to start");
    expect(sessionStatusLabel("STARTED")).toBe("started");
    expect(sessionStatusLabel("STOP_FAILED")).toBe("stop not confirmed");
    expect(sessionStatusLabel("COMPLETE")).toBe("complete");
    expect(sessionStatusLabel("FAILED")).toBe("did not start");
  });

  it("shows a status it does not know in words rather than as a code", () => {
    expect(sessionStatusLabel("SUSPENDED_EV")).toBe("suspended ev");
    expect(sessionStatusLabel("")).toBe("unknown");
  });
});

describe("isRunningStatus", () => {
  it("keeps following a session until it has ended", () => {
    expect(["WAITING_TO_START", "STARTED", "STOP_FAILED"].every(isRunningStatus)).toBe(true);
    expect(["COMPLETE", "FAILED", "SUSPENDED_EV"].some(isRunningStatus)).toBe(false);
  });
});

describe("startFailure", () => {
  it("explains a failed start and what to do next, in plain words", () => {
    const failure = startFailure("FAILED", "Plugsurfing");
    expect(failure?.reason).toMatch(/did not start charging, and Plugsurfing gave no reason/);
    expect(failure?.next).toMatch(/try another connector/);
    expect(failure?.next).toMatch(/wait a minute/);
    expect(`${failure?.reason} ${failure?.next}`).not.toMatch(/FAILED|WAITING_TO_START/);
  });

  it("reads other failure statuses of the open list as failed starts", () => {
    expect(isFailedStart("START_FAILED")).toBe(true);
    expect(isFailedStart("REJECTED")).toBe(true);
  });

  it("is not a failed start when the session charged, is running, or only its stop was not confirmed", () => {
    for (const status of ["COMPLETE", "STARTED", "WAITING_TO_START", "STOP_FAILED", "SUSPENDED_EV"])
      expect(startFailure(status, "Plugsurfing")).toBeNull();
  });
});

describe("sessionStatusTone", () => {
  it("marks a finished session, a failed start and an unknown status apart", () => {
    expect(sessionStatusTone("COMPLETE")).toBe("success");
    expect(sessionStatusTone("FAILED")).toBe("danger");
    expect(sessionStatusTone("SUSPENDED_EV")).toBe("neutral");
  });
});
