import { describe, expect, it } from "vitest";
import { basicCredentials, createRedactor } from "./redact";

describe("createRedactor", () => {
  it("removes secret values, their URL-encoded and Basic forms", () => {
    const basic = basicCredentials("client-id", "client/secret+1");
    const redact = createRedactor(["client/secret+1", basic]);
    const text = `secret=client/secret+1 enc=${encodeURIComponent("client/secret+1")} header=Basic ${basic}`;
    const out = redact(text);
    expect(out).not.toContain("client/secret+1");
    expect(out).not.toContain(encodeURIComponent("client/secret+1"));
    expect(out).not.toContain(basic);
  });

  it("removes bearer tokens, API keys and token fields it was not told about", () => {
    const redact = createRedactor([]);
    expect(redact("Authorization: Bearer eyJhbGciOi.J9.x")).toBe("Authorization: Bearer [REDACTED]");
    expect(redact('{"access_token":"abc123","expires_in":3600}')).toBe(
      '{"access_token":"[REDACTED]","expires_in":3600}',
    );
    expect(redact("X-API-Key: sandbox-plugsurfing-key")).toBe("X-API-Key: [REDACTED]");
    expect(redact("?api_key=abc&x=1")).toBe("?api_key=[REDACTED]&x=1");
  });

  it("ignores empty and very short secrets rather than shredding the text", () => {
    const redact = createRedactor(["", undefined, "a"]);
    expect(redact("a normal sentence")).toBe("a normal sentence");
  });
});
