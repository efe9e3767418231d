// Where a webhook may be sent. An admin types the URL, and the app's server sends to it: without limits that is a
// way into the networks the server can reach (its database, a cloud's metadata address). So the address is checked
// when the endpoint is registered and again on every delivery, after the name is resolved, and the connection is
// made to exactly the address that was checked (a name that resolves differently a second time changes nothing).
//
// WEBHOOK_PRIVATE_TARGETS: "none" (the default) allows public addresses only; "loopback" also this machine (for
// a receiver running beside the app); "all" any private network too (an on-premises system). A public address
// must be reached over https; a private one, where allowed, over http too.
import { BlockList, isIP } from "node:net";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";

export const PRIVATE_TARGET_POLICIES = ["none", "loopback", "all"] as const;
export type PrivateTargetPolicy = (typeof PRIVATE_TARGET_POLICIES)[number];

export type TargetRefusal = "invalid-url" | "scheme" | "credentials" | "private-address" | "https-required";

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** Not the public internet: private, link-local (cloud metadata), shared, multicast, reserved and unspecified. */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv6");

function family(address: string): "ipv4" | "ipv6" {
  return isIP(address) === 6 ? "ipv6" : "ipv4";
}

/** "::ffff:10.0.0.1" is 10.0.0.1. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

export type AddressKind = "public" | "loopback" | "private";

export function addressKind(raw: string): AddressKind {
  const address = unmapped(raw);
  if (LOOPBACK.check(address, family(address))) return "loopback";
  if (PRIVATE.check(address, family(address))) return "private";
  return "public";
}

export function addressAllowed(address: string, policy: PrivateTargetPolicy): boolean {
  const kind = addressKind(address);
  if (kind === "public" || policy === "all") return true;
  return kind === "loopback" && policy === "loopback";
}

/** The URL alone, before any name is resolved: what registering an endpoint checks. */
export function checkWebhookUrl(raw: string, policy: PrivateTargetPolicy): TargetRefusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid-url";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "scheme";
  if (url.username || url.password) return "credentials";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const literal = isIP(host) ? host : host === "localhost" || host.endsWith(".localhost") ? "127.0.0.1" : null;
  if (literal && !addressAllowed(literal, policy)) return "private-address";
  if (url.protocol === "http:" && (!literal || addressKind(literal) === "public")) return "https-required";
  return null;
}

export class BlockedTargetError extends Error {
  constructor(readonly address: string) {
    super(`webhook target ${address} is not allowed`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node's http/https request: resolves the name, refuses the connection if any address it resolves
 * to is not allowed, and hands over only addresses that were checked.
 */
export function pinnedLookup(policy: PrivateTargetPolicy) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((a) => !addressAllowed(a.address, policy));
      if (refused) return callback(new BlockedTargetError(refused.address) as NodeJS.ErrnoException, []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
