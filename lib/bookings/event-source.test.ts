import { describe, expect, it } from "vitest";
import { eventSourceOf } from "./event-source";

describe("eventSourceOf", () => {
  it.each([
    ["provider", "provider"],
    ["provider:taken", "provider-taken"],
    ["reconciler:resubmitted:taken", "reconciler-resubmitted-taken"],
    ["dashboard:remove-refused", "dashboard-remove-refused"],
    ["reconciler:something-new", "reconciler"],
    ["webhook", "other"],
    ["", "other"],
  ])("reads %j as %j", (stored, expected) => {
    expect(eventSourceOf(stored)).toBe(expected);
  });
});
