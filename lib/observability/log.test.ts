import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runWithContext } from "./context";
import { createLogger, logLevelFrom } from "./log";
import { REDACTED, redactLogValue } from "./redact-log";

function capture(level: "debug" | "info" = "info") {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines, text: () => JSON.stringify(lines) };
}

describe("the logger", () => {
  it("writes one JSON object a line with level, time and message", () => {
    const { logger, lines } = capture();
    logger.info({ event: "x.happened", count: 2 }, "something happened");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", event: "x.happened", count: 2, msg: "something happened" });
    expect(new Date(String(lines[0].time)).getTime()).not.toBeNaN();
  });

  it("censors credential fields at any depth, and credentials inside text", () => {
    const { logger, text } = capture();
    logger.warn(
      {
        headers: { authorization: "Bearer abc.def.ghi", "x-api-key": "k-123456", accept: "application/json" },
        config: { nested: { apiKey: "pm-live-999999", password: "hunter22", clientSecret: "s3cr3t-value" } },
        session: { accessToken: "tok-aaaa", refresh_token: "tok-bbbb", Cookie: "next-auth.session-token=zzz" },
        detail: "POST /oauth2/token failed: client_secret=abc123&grant_type=client_credentials",
        list: [{ token: "tok-cccc" }],
      },
      "call failed with Authorization: Basic ZGVwb3Q6c2VjcmV0",
    );
    const out = text();
    for (const secret of [
      "abc.def.ghi",
      "k-123456",
      "pm-live-999999",
      "hunter22",
      "s3cr3t-value",
      "tok-aaaa",
      "tok-bbbb",
      "zzz",
      "abc123",
      "tok-cccc",
      "ZGVwb3Q6c2VjcmV0",
    ]) {
      expect(out, secret).not.toContain(secret);
    }
    expect(out).toContain("application/json");
    expect(out).toContain("grant_type=client_credentials");
    expect(out).toContain(REDACTED);
  });

  it("serialises errors with their message and stack, redacted", () => {
    const { logger, lines } = capture();
    const cause = new Error("upstream said api_key=zz-top-secret");
    logger.error({ err: new Error("request failed", { cause }) }, "failed");
    const err = lines[0].err as { type: string; message: string; stack: string; cause: { message: string } };
    expect(err.type).toBe("Error");
    expect(err.message).toBe("request failed");
    expect(err.stack).toContain("log.test.ts");
    expect(err.cause.message).toBe(`upstream said api_key=${REDACTED}`);
  });

  it("adds the request and job ids of the work being done; explicit fields win", () => {
    const { logger, lines } = capture();
    runWithContext({ requestId: "req-1", jobId: "job-1" }, () => {
      logger.info("in a job");
      logger.info({ requestId: "req-2" }, "explicit");
    });
    logger.info("outside");
    expect(lines[0]).toMatchObject({ requestId: "req-1", jobId: "job-1" });
    expect(lines[1]).toMatchObject({ requestId: "req-2", jobId: "job-1" });
    expect(lines[2]).not.toHaveProperty("requestId");
  });

  it("honours the level", () => {
    const { logger, lines } = capture("info");
    logger.debug("hidden");
    logger.info("shown");
    expect(lines.map((l) => l.msg)).toEqual(["shown"]);
    expect(logLevelFrom("debug")).toBe("debug");
    expect(logLevelFrom("verbose")).toBe("info");
    expect(logLevelFrom(undefined)).toBe("info");
  });
});

describe("redactLogValue", () => {
  it("leaves plain values and ids alone", () => {
    const value = { bookingId: "clx1", keyId: "DE-AUD-1", durationMs: 12, ok: true, at: null };
    expect(redactLogValue(value)).toEqual(value);
  });

  it("reads Headers objects as plain fields", () => {
    expect(redactLogValue({ h: new Headers({ Authorization: "Bearer x1", "content-type": "text/plain" }) })).toEqual({
      h: { authorization: REDACTED, "content-type": "text/plain" },
    });
  });
});
