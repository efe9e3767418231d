import { describe, expect, it } from "vitest";
import { addressAllowed, addressKind, checkWebhookUrl, pinnedLookup } from "./target";

describe("webhook targets", () => {
  it("tells public, loopback and private addresses apart", () => {
    expect(addressKind("93.184.216.34")).toBe("public");
    expect(addressKind("2606:4700::1111")).toBe("public");
    expect(addressKind("127.0.0.1")).toBe("loopback");
    expect(addressKind("::1")).toBe("loopback");
    for (const address of [
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
    ])
      expect(addressKind(address), address).toBe("private");
  });

  it("allows private networks only as far as the policy says", () => {
    expect(addressAllowed("127.0.0.1", "none")).toBe(false);
    expect(addressAllowed("127.0.0.1", "loopback")).toBe(true);
    expect(addressAllowed("10.0.0.1", "loopback")).toBe(false);
    expect(addressAllowed("10.0.0.1", "all")).toBe(true);
    expect(addressAllowed("93.184.216.34", "none")).toBe(true);
  });

  it("checks a URL before anything is resolved", () => {
    expect(checkWebhookUrl("https://tms.example.com/hooks", "none")).toBeNull();
    expect(checkWebhookUrl("http://tms.example.com/hooks", "none")).toBe("https-required");
    expect(checkWebhookUrl("ftp://tms.example.com", "none")).toBe("scheme");
    expect(checkWebhookUrl("not a url", "none")).toBe("invalid-url");
    expect(checkWebhookUrl("https://user:pw@tms.example.com", "none")).toBe("credentials");
    expect(checkWebhookUrl("http://127.0.0.1:9000/in", "none")).toBe("private-address");
    expect(checkWebhookUrl("http://localhost:9000/in", "none")).toBe("private-address");
    expect(checkWebhookUrl("http://[::1]:9000/in", "none")).toBe("private-address");
    expect(checkWebhookUrl("https://169.254.169.254/latest", "loopback")).toBe("private-address");
    expect(checkWebhookUrl("http://127.0.0.1:9000/in", "loopback")).toBeNull();
    expect(checkWebhookUrl("http://10.0.0.5/in", "all")).toBeNull();
  });

  it("refuses, at connection time, a name that resolves to a refused address", async () => {
    const resolve = (policy: "none" | "loopback") =>
      new Promise<string>((done) =>
        pinnedLookup(policy)("localhost", {}, (error, address) => done(error ? `refused` : String(address))),
      );
    expect(await resolve("none")).toBe("refused");
    expect(await resolve("loopback")).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
