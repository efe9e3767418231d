// The client address of the request being served (see client-address.ts for who is believed and why).
import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { PEER_ADDRESS_HEADER, clientAddress, parseTrustProxy, type TrustProxy } from "./client-address";

let trust: TrustProxy | undefined;

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(bag: HeaderBag, name: string): string | undefined {
  if (bag instanceof Headers) return bag.get(name) ?? undefined;
  const value = bag[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** From given request headers (next-auth hands its own); null when the peer is unknown. */
export function addressFromHeaders(bag: HeaderBag | undefined): string | null {
  if (!bag) return null;
  trust ??= parseTrustProxy(env().TRUST_PROXY);
  return clientAddress({
    peer: header(bag, PEER_ADDRESS_HEADER),
    forwardedFor: header(bag, "x-forwarded-for"),
    trust,
  });
}

/** The current request's client address; null outside a request (jobs, tests) or when unknown. */
export async function requestAddress(): Promise<string | null> {
  try {
    return addressFromHeaders(await headers());
  } catch {
    return null;
  }
}
