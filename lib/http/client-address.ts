// Whose request is this: the client's address for rate limits and the audit trail.
//
// The web server (scripts/serve.ts) stamps every request with the address of the socket it came from, in
// PEER_ADDRESS_HEADER, overwriting whatever a client sent under that name. `X-Forwarded-For` is believed
// only as far as TRUST_PROXY says:
//   unset / ""          no proxy: the socket's address, X-Forwarded-For ignored;
//   "1", "2", …         that many proxies in front: walk that many hops back from the socket;
//   "10.0.0.0/8,::1"    proxies at these addresses (CIDR or single): the right-most address not among them.
// A client can add entries at the left of X-Forwarded-For, never at the right, so the right-most untrusted
// entry is the only one a client cannot choose. Null when the peer is unknown (a request not through our
// server): callers then skip per-address limits rather than share one bucket among everybody.
import { BlockList, isIP } from "node:net";

export const PEER_ADDRESS_HEADER = "x-fleet-peer-address";

export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "networks"; list: BlockList };

/** TRUST_PROXY as written in the environment; throws on a value it cannot read, so a typo is not silent. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? "").trim();
  if (text === "" || text === "0" || text === "false") return { kind: "none" };
  if (/^\d+$/.test(text)) return { kind: "hops", hops: Number(text) };
  const list = new BlockList();
  for (const entry of text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address);
    if (family === 0) throw new Error(`TRUST_PROXY: "${entry}" is not an address or network`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return { kind: "networks", list };
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; "[::1]:443" or "1.2.3.4:80" → the address alone. */
function normalise(address: string): string {
  let a = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  return a.startsWith("::ffff:") && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
}

export function clientAddress(args: {
  peer: string | null | undefined;
  forwardedFor: string | null | undefined;
  trust: TrustProxy;
}): string | null {
  if (!args.peer || isIP(normalise(args.peer)) === 0) return null;
  const peer = normalise(args.peer);
  if (args.trust.kind === "none") return peer;
  const forwarded = (args.forwardedFor ?? "")
    .split(",")
    .map(normalise)
    .filter((a) => isIP(a) !== 0);
  // The chain as the last proxy saw it, nearest hop last.
  const chain = [...forwarded, peer];
  if (args.trust.kind === "hops") return chain[Math.max(0, chain.length - 1 - args.trust.hops)];
  for (let i = chain.length - 1; i >= 0; i--) if (!trusted(args.trust.list, chain[i])) return chain[i];
  return chain[0];
}
