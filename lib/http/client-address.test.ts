import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustProxy } from "./client-address";

const none = parseTrustProxy(undefined);

describe("client address", () => {
  it("without TRUST_PROXY is the socket's address, whatever X-Forwarded-For claims", () => {
    expect(clientAddress({ peer: "203.0.113.9", forwardedFor: "9.9.9.9", trust: none })).toBe("203.0.113.9");
    expect(clientAddress({ peer: "::ffff:203.0.113.9", forwardedFor: null, trust: none })).toBe("203.0.113.9");
  });

  it("with a hop count walks back that many proxies from the socket", () => {
    const one = parseTrustProxy("1");
    // Load balancer at 10.0.0.2 appended the real client; the client's own left-most claim is ignored.
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "9.9.9.9, 198.51.100.4", trust: one })).toBe("198.51.100.4");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "198.51.100.4", trust: parseTrustProxy("2") })).toBe(
      "198.51.100.4",
    );
    // More hops configured than present: the left-most address there is.
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: null, trust: parseTrustProxy("3") })).toBe("10.0.0.2");
  });

  it("with trusted networks takes the right-most address outside them", () => {
    const proxies = parseTrustProxy("10.0.0.0/8, 192.168.1.1, fd00::/8");
    expect(
      clientAddress({ peer: "10.1.2.3", forwardedFor: "9.9.9.9, 198.51.100.4, 192.168.1.1", trust: proxies }),
    ).toBe("198.51.100.4");
    expect(clientAddress({ peer: "fd00::1", forwardedFor: "2001:db8::7", trust: proxies })).toBe("2001:db8::7");
    // A client that puts a blocked address at the end cannot hide behind it: it is not a trusted proxy.
    expect(clientAddress({ peer: "10.1.2.3", forwardedFor: "9.9.9.9, 203.0.113.66", trust: proxies })).toBe(
      "203.0.113.66",
    );
  });

  it("is unknown — not a shared bucket — without a peer address", () => {
    expect(clientAddress({ peer: null, forwardedFor: "9.9.9.9", trust: none })).toBeNull();
    expect(clientAddress({ peer: "not an address", forwardedFor: null, trust: none })).toBeNull();
  });

  it("refuses a TRUST_PROXY it cannot read", () => {
    expect(() => parseTrustProxy("loadbalancer")).toThrow(/TRUST_PROXY/);
    expect(parseTrustProxy("0")).toEqual({ kind: "none" });
  });
});
