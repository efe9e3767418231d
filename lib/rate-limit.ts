// Attempt limits on sign-in, invitation codes and the public API, counted in PostgreSQL so every app instance shares them.
import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pgPool } from "@/lib/pg-pool";

export interface AttemptLimit {
  /** Failed attempts allowed in the window. */
  points: number;
  windowSeconds: number;
  /** How long a key stays blocked once it is over the limit. */
  blockSeconds: number;
}

export const LIMITS = {
  signInPerAccount: { points: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  signInPerIp: { points: 30, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  joinPerAccount: { points: 10, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  joinPerIp: { points: 20, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  /** Wrong current passwords when changing the password, per account. */
  currentPasswordPerAccount: { points: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Invitations to a fleet by email, per admin: every one sent counts, so addresses cannot be probed in bulk. */
  invitesPerActor: { points: 30, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  /** Sign-ups through an emailed invitation link, per address (or per invitation when the address is unknown). */
  invitationSignUpPerIp: { points: 20, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  /** Provider events whose signature did not hold, per address: a secret cannot be guessed at leisure. */
  providerEventsPerIp: { points: 20, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Refusals written to the audit trail per actor; beyond, the actor is still refused but not logged again. */
  deniedPerActor: { points: 20, windowSeconds: 60, blockSeconds: 60 },
  /** Requests of the public API per token (every request counts, not only failures). */
  apiPerToken: { points: 120, windowSeconds: 60, blockSeconds: 60 },
  /** Requests with a missing, unknown, revoked or expired API token, per address. */
  apiBadTokenPerIp: { points: 20, windowSeconds: 10 * 60, blockSeconds: 10 * 60 },
} satisfies Record<string, AttemptLimit>;

const limiters = new Map<string, RateLimiterPostgres>();

function limiter(name: keyof typeof LIMITS): RateLimiterPostgres {
  let l = limiters.get(name);
  if (!l) {
    const { points, windowSeconds, blockSeconds } = LIMITS[name];
    l = new RateLimiterPostgres({
      storeClient: pgPool(),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true, // created by a migration
      keyPrefix: name,
      points,
      duration: windowSeconds,
      blockDuration: blockSeconds,
    });
    limiters.set(name, l);
  }
  return l;
}

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} s.`);
  }
}

/** Throws TooManyAttemptsError when any of the keys is already over its limit. */
export async function assertNotBlocked(checks: Array<[keyof typeof LIMITS, string]>): Promise<void> {
  for (const [name, key] of checks) {
    const res = await limiter(name).get(key);
    if (res && res.consumedPoints > LIMITS[name].points) {
      throw new TooManyAttemptsError(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
    }
  }
}

/** Counts a failed attempt against every key; throws TooManyAttemptsError if that crossed a limit. */
export async function recordFailure(checks: Array<[keyof typeof LIMITS, string]>): Promise<void> {
  let blockedFor = 0;
  for (const [name, key] of checks) {
    try {
      await limiter(name).consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) blockedFor = Math.max(blockedFor, Math.ceil(error.msBeforeNext / 1000));
      else throw error;
    }
  }
  if (blockedFor > 0) throw new TooManyAttemptsError(blockedFor);
}

export async function clearAttempts(checks: Array<[keyof typeof LIMITS, string]>): Promise<void> {
  for (const [name, key] of checks) await limiter(name).delete(key);
}
