import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhook, verifyWebhookSignature } from "./signature";

const secret = "whsec_test-secret";
const body = JSON.stringify({ id: "evt_1", type: "booking.status_changed" });
const at = new Date("2026-12-04T10:00:00Z");

describe("webhook signatures", () => {
  it("is HMAC-SHA256 of the timestamp and the body, in hex", () => {
    // Computed independently: printf '1796378400.%s' "$body" | openssl dgst -sha256 -hmac whsec_test-secret
    expect(signWebhook(secret, "{}", at)).toBe(
      "t=1796378400,v1=170486bd8c67754a1e7c72cd221ac5c22e92a16768e646b92de893fae8d0a7f9",
    );
  });

  it("verifies what it signed, within the tolerance", () => {
    const header = signWebhook(secret, body, at);
    expect(verifyWebhookSignature(secret, header, body, { now: new Date(at.getTime() + 299_000) })).toEqual({
      valid: true,
    });
  });

  it("refuses another body, another secret, an old timestamp and a malformed header", () => {
    const header = signWebhook(secret, body, at);
    expect(verifyWebhookSignature(secret, header, `${body} `, { now: at })).toEqual({
      valid: false,
      reason: "mismatch",
    });
    expect(verifyWebhookSignature("whsec_other", header, body, { now: at })).toEqual({
      valid: false,
      reason: "mismatch",
    });
    expect(verifyWebhookSignature(secret, header, body, { now: new Date(at.getTime() + 301_000) })).toEqual({
      valid: false,
      reason: "stale",
    });
    for (const bad of [null, "", "t=abc,v1=00", "v1=" + "0".repeat(64), `t=1796378400,v1=${"g".repeat(64)}`])
      expect(verifyWebhookSignature(secret, bad, body, { now: at }).valid).toBe(false);
  });

  it("makes a different secret every time", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
