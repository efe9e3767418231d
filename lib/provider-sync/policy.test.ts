// Which failures settle, retry or revert a provider sync.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { ProviderError, type ProviderErrorCode } from "@/lib/providers/errors";
import { cannotApplyLocally, providerRefused, retryDelayMs } from "./policy";

function providerError(code: ProviderErrorCode, retryable = false) {
  return new ProviderError({ provider: "PLUGSURFING", operation: "renameFleet", code, retryable, userMessage: "x" });
}

describe("providerRefused", () => {
  it("is true only for answers that prove nothing changed at the provider", () => {
    for (const code of ["NOT_FOUND", "CONFLICT", "INVALID_REQUEST", "UNAUTHORIZED", "FORBIDDEN"] as const) {
      expect(providerRefused(providerError(code)), code).toBe(true);
    }
    expect(providerRefused(providerError("RATE_LIMITED", true))).toBe(true);
    for (const code of ["TIMEOUT", "NETWORK", "UPSTREAM", "OUTCOME_UNKNOWN", "INVALID_RESPONSE", "UNKNOWN"] as const) {
      expect(providerRefused(providerError(code, true)), code).toBe(false);
    }
    expect(providerRefused(new Error("socket hang up"))).toBe(false);
  });
});

describe("cannotApplyLocally", () => {
  it("treats domain refusals and data the database always rejects as permanent", () => {
    expect(cannotApplyLocally(new DomainError("CONFLICT", "last admin"))).toBe(true);
    const gone = new Prisma.PrismaClientKnownRequestError("not found", { code: "P2025", clientVersion: "6" });
    expect(cannotApplyLocally(gone)).toBe(true);
    const tooLong = new Prisma.PrismaClientKnownRequestError("too long", { code: "P2000", clientVersion: "6" });
    expect(cannotApplyLocally(tooLong)).toBe(true);
  });

  it("treats outages, timeouts and conflicts between transactions as worth retrying", () => {
    expect(cannotApplyLocally(new Error("connection terminated"))).toBe(false);
    const serialization = new Prisma.PrismaClientKnownRequestError("write conflict", {
      code: "P2034",
      clientVersion: "6",
    });
    expect(cannotApplyLocally(serialization)).toBe(false);
  });
});

describe("retryDelayMs", () => {
  it("backs off exponentially up to half an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(50)).toBe(30 * 60_000);
  });
});
