// A refusal in the audit trail: recorded under the actor, in the refused fleet only when the actor is a
// member of it (so no outsider can write into — and bury the entries of — a fleet's log), and at most
// LIMITS.deniedPerActor times a minute per actor (a flood of refusals is one line of evidence, not a
// million rows). The actor is refused either way.
import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit";
import { TooManyAttemptsError, recordFailure } from "@/lib/rate-limit";

export async function recordDenial(args: {
  user: CurrentUser;
  /** The fleet the request named, if any. */
  fleetId: string | null;
  objectType: "Action" | "Route";
  endpoint: string;
  ip?: string | null;
}): Promise<void> {
  try {
    await recordFailure([["deniedPerActor", args.user.id]]);
  } catch (error) {
    if (error instanceof TooManyAttemptsError) return;
    throw error;
  }
  const isMember = args.fleetId !== null && args.user.memberships.some((m) => m.fleetId === args.fleetId);
  await writeAudit({
    actorId: args.user.id,
    action: "auth.denied",
    fleetId: isMember ? args.fleetId : null,
    objectType: args.objectType,
    objectId: args.endpoint,
    // Where the request pointed, kept with the entry without filing it under that fleet.
    after: isMember || args.fleetId === null ? undefined : { requestedFleetId: args.fleetId },
    ip: args.ip ?? null,
  });
}
