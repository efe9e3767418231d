import { describe, expect, it } from "vitest";
import { plugsurfingSignature, sessionEventHint, verifyPlugsurfingSignature } from "./events";

const SECRET = "a-shared-secret-of-the-fleet";
const BODY = JSON.stringify({ event: "session.status_changed", sessionId: "s-1", userId: "u-1" });

describe("verifyPlugsurfingSignature", () => {
  it("accepts the body's own signature, with or without its prefix", () => {
    const hex = plugsurfingSignature(SECRET, BODY);
    expect(verifyPlugsurfingSignature(SECRET, `sha256=${hex}`, BODY)).toBe(true);
    expect(verifyPlugsurfingSignature(SECRET, hex.toUpperCase(), BODY)).toBe(true);
  });

  it("refuses another body, another secret, a malformed header and none", () => {
    const header = `sha256=${plugsurfingSignature(SECRET, BODY)}`;
    expect(verifyPlugsurfingSignature(SECRET, header, BODY.replace("s-1", "s-2"))).toBe(false);
    expect(verifyPlugsurfingSignature("another-secret-entirely", header, BODY)).toBe(false);
    expect(verifyPlugsurfingSignature(SECRET, "sha256=abc", BODY)).toBe(false);
    expect(verifyPlugsurfingSignature(SECRET, null, BODY)).toBe(false);
  });
});

describe("sessionEventHint", () => {
  it.each([
    [{ sessionId: "s-1", userId: "u-1", sessionStatus: "COMPLETE" }, "s-1", "u-1", "COMPLETE"],
    [{ session: { id: 42, userId: "u-2" } }, "42", "u-2", null],
    [{ type: "x", data: { sessionId: "s-3", userId: "u-3", sessionStatus: "STARTED" } }, "s-3", "u-3", "STARTED"],
    [{ sessionId: "s-4", user: { id: "u-4" }, extra: { unknown: true } }, "s-4", "u-4", null],
  ])("reads %j", (body, session, user, status) => {
    expect(sessionEventHint(body)).toEqual({ providerSessionId: session, providerUserId: user, status });
  });

  it("is null for a body that names no session", () => {
    expect(sessionEventHint({ event: "ping" })).toBeNull();
    expect(sessionEventHint("text")).toBeNull();
    expect(sessionEventHint({ sessionId: "" })).toBeNull();
  });
});
