// The fleet's session limit: how long a session may run before the watchdog raises it (lib/alerts/watchdog.ts).
import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, text } from "@/lib/errors";

/** Sets the limit (validated by the action's schema, 1–168 hours), audited in the same transaction. */
export async function setSessionLimit(fleetId: string, sessionLimitHours: number, actor?: AuditActor) {
  return db.$transaction(async (tx) => {
    const before = await tx.fleet.findUnique({ where: { id: fleetId }, select: { sessionLimitHours: true } });
    if (!before) throw new DomainError("NOT_FOUND", text("fleets.notFound"));
    await tx.fleet.update({ where: { id: fleetId }, data: { sessionLimitHours } });
    const change = { before, after: { sessionLimitHours } };
    if (actor)
      await writeAudit(
        { ...actor, action: "fleets.session-limit", fleetId, objectType: "Fleet", objectId: fleetId, ...change },
        tx,
      );
    return change.after;
  });
}
