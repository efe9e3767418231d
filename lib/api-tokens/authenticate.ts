// Who a public-API request is: the service account of the API token in its Authorization header, as the
// CurrentUser every action and route handler already checks. Bad tokens count against the address, good ones
// against their own request limit; last use is written at most once a minute.
import "server-only";
import { db } from "@/lib/db";
import { bearerToken } from "@/lib/auth/bearer-token";
import type { CurrentUser } from "@/lib/auth/session";
import { assertNotBlocked, recordFailure, TooManyAttemptsError } from "@/lib/rate-limit";
import { isTokenShaped, secretMatches, tokenPrefix } from "./token-secret";
import { apiTokenStatus } from "./api-tokens";

const LAST_USE_EVERY_MS = 60_000;

export interface ApiPrincipal {
  tokenId: string;
  fleetId: string;
  user: CurrentUser;
}

export type ApiAuthentication =
  | { ok: true; principal: ApiPrincipal }
  | { ok: false; reason: "missing" | "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

async function findToken(given: string, now: Date) {
  if (!isTokenShaped(given)) return null;
  const candidates = await db.apiToken.findMany({
    where: { prefix: tokenPrefix(given) },
    include: {
      account: {
        include: { memberships: { include: { fleet: { select: { name: true } } }, orderBy: { createdAt: "asc" } } },
      },
    },
  });
  const token = candidates.find((c) => secretMatches(given, c.secretHash));
  return token && apiTokenStatus(token, now) === "active" ? token : null;
}

async function countBadToken(ip: string | null): Promise<ApiAuthentication> {
  if (!ip) return { ok: false, reason: "invalid" };
  try {
    await recordFailure([["apiBadTokenPerIp", ip]]);
    return { ok: false, reason: "invalid" };
  } catch (error) {
    if (error instanceof TooManyAttemptsError) {
      return { ok: false, reason: "rate-limited", retryAfterSeconds: error.retryAfterSeconds };
    }
    throw error;
  }
}

export async function authenticateApiToken(
  request: Request,
  ip: string | null,
  now = new Date(),
): Promise<ApiAuthentication> {
  try {
    if (ip) await assertNotBlocked([["apiBadTokenPerIp", ip]]);
  } catch (error) {
    if (error instanceof TooManyAttemptsError) {
      return { ok: false, reason: "rate-limited", retryAfterSeconds: error.retryAfterSeconds };
    }
    throw error;
  }
  const given = bearerToken(request);
  if (!given) return { ok: false, reason: "missing" };
  const token = await findToken(given, now);
  if (!token) return countBadToken(ip);
  try {
    // Every request counts here, not only failures: this is the token's request limit.
    await recordFailure([["apiPerToken", token.id]]);
  } catch (error) {
    if (error instanceof TooManyAttemptsError) {
      return { ok: false, reason: "rate-limited", retryAfterSeconds: error.retryAfterSeconds };
    }
    throw error;
  }
  await db.apiToken.updateMany({
    where: {
      id: token.id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USE_EVERY_MS) } }],
    },
    data: { lastUsedAt: now, lastUsedIp: ip },
  });
  const { account } = token;
  return {
    ok: true,
    principal: {
      tokenId: token.id,
      fleetId: token.fleetId,
      user: {
        id: account.id,
        email: account.email,
        name: account.name,
        locale: null,
        timeZone: null,
        memberships: account.memberships.map((m) => ({ fleetId: m.fleetId, fleetName: m.fleet.name, role: m.role })),
      },
    },
  };
}
