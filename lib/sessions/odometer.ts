// Odometer readings on sessions, entered by a dispatcher, for a vehicle's distance in the cost per 100 km. A
// vehicle's readings never run backwards: one lower than an earlier session's, or higher than a later one's, is
// refused beside the field with the reading it contradicts.
import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, text } from "@/lib/errors";

export interface OdometerReading {
  sessionId: string;
  odometerKm: number | null;
}

/** Sets (or with null removes) the reading of one of the fleet's sessions; audited with the change. */
export async function setSessionOdometer(
  fleetId: string,
  sessionId: string,
  odometerKm: number | null,
  actor: AuditActor,
): Promise<OdometerReading> {
  return db.$transaction(async (tx) => {
    const session = await tx.chargingSession.findFirst({
      where: { id: sessionId, fleetId },
      select: { id: true, vehicleId: true, startTime: true, odometerKm: true },
    });
    if (!session) throw new DomainError("NOT_FOUND", text("sessions.notFound"));
    if (session.odometerKm === odometerKm) return { sessionId, odometerKm };
    if (odometerKm !== null) {
      if (!session.vehicleId) {
        throw new DomainError("VALIDATION", text("sessions.odometerNoVehicle"), {
          odometerKm: [text("sessions.odometerNoVehicle")],
        });
      }
      const others = { vehicleId: session.vehicleId, odometerKm: { not: null }, id: { not: sessionId } };
      // One query at a time: a transaction holds one connection.
      const earlier = await tx.chargingSession.findFirst({
        where: { ...others, startTime: { lte: session.startTime } },
        orderBy: [{ odometerKm: "desc" }],
        select: { odometerKm: true },
      });
      const later = await tx.chargingSession.findFirst({
        where: { ...others, startTime: { gt: session.startTime } },
        orderBy: [{ odometerKm: "asc" }],
        select: { odometerKm: true },
      });
      const refusal =
        earlier?.odometerKm != null && odometerKm < earlier.odometerKm
          ? text("sessions.odometerBelowEarlier", { km: earlier.odometerKm })
          : later?.odometerKm != null && odometerKm > later.odometerKm
            ? text("sessions.odometerAboveLater", { km: later.odometerKm })
            : null;
      if (refusal) throw new DomainError("VALIDATION", refusal, { odometerKm: [refusal] });
    }
    await tx.chargingSession.update({ where: { id: sessionId }, data: { odometerKm } });
    await writeAudit(
      {
        ...actor,
        action: "sessions.set-odometer",
        fleetId,
        objectType: "ChargingSession",
        objectId: sessionId,
        before: { odometerKm: session.odometerKm },
        after: { odometerKm },
      },
      tx,
    );
    return { sessionId, odometerKm };
  });
}
