import { describe, expect, it } from "vitest";
import { providerOutcome } from "./outcome";

describe("providerOutcome", () => {
  it("names each kind of attempt", () => {
    expect(providerOutcome(200, undefined)).toBe("ok");
    expect(providerOutcome(204, undefined)).toBe("ok");
    expect(providerOutcome(undefined, "TIMEOUT")).toBe("timeout");
    expect(providerOutcome(429, "RATE_LIMITED")).toBe("rate_limited");
    expect(providerOutcome(503, "UPSTREAM")).toBe("server_error");
    expect(providerOutcome(undefined, "NETWORK")).toBe("server_error");
    expect(providerOutcome(200, "INVALID_RESPONSE")).toBe("server_error");
    expect(providerOutcome(404, "NOT_FOUND")).toBe("client_error");
    expect(providerOutcome(409, "CONFLICT")).toBe("client_error");
    expect(providerOutcome(401, "UNAUTHORIZED")).toBe("client_error");
    expect(providerOutcome(422, "INVALID_REQUEST")).toBe("client_error");
  });
});
