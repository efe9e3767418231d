// Moving a charging key from one fleet to another: only ever on purpose, by an admin of both fleets (a
// refresh never moves a key). The dashboard's own bookkeeping; the key stays as it is at its provider.
import "server-only";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, text } from "@/lib/errors";
import { pendingSyncs } from "@/lib/provider-sync/pending";

export interface MoveKeyResult {
  id: string;
  fromFleetId: string;
  toFleetId: string;
  toFleetName: string;
  /** The driver it was assigned to is no driver of the new fleet: the key is unassigned there. */
  unassigned: boolean;
}

/**
 * Moves the key `keyId` of `fromFleetId` to `toFleetId`, with one audit entry in each fleet's log. The
 * caller checks that the actor administers both. A driver's own key moves only to a fleet she drives for;
 * a fleet key keeps its driver only where that person is a driver too.
 */
export async function moveKey(
  fromFleetId: string,
  keyId: string,
  toFleetId: string,
  actor: { actorId: string | null; ip: string | null },
): Promise<MoveKeyResult> {
  if (fromFleetId === toFleetId) {
    throw new DomainError("VALIDATION", text("keys.move.sameFleet"), {
      toFleetId: [text("keys.move.chooseAnotherFleet")],
    });
  }
  const key = await db.chargingKey.findFirst({ where: { id: keyId, fleetId: fromFleetId } });
  if (!key) {
    throw new DomainError("NOT_FOUND", text("keys.move.notInFleet"));
  }
  if ((await pendingSyncs(fromFleetId)).keys.has(key.id)) {
    throw new DomainError("CONFLICT", text("keys.move.switching"));
  }
  return db.$transaction(async (tx) => {
    const [from, to] = await Promise.all([
      tx.fleet.findUniqueOrThrow({ where: { id: fromFleetId }, select: { id: true, name: true } }),
      tx.fleet.findUnique({ where: { id: toFleetId }, select: { id: true, name: true } }),
    ]);
    if (!to) throw new DomainError("NOT_FOUND", text("keys.move.fleetGone"));
    const holder = key.assignedDriverId
      ? await tx.membership.findUnique({
          where: { userId_fleetId: { userId: key.assignedDriverId, fleetId: to.id } },
          select: { role: true },
        })
      : null;
    const holderDrivesThere = holder?.role === "DRIVER";
    if (key.source === "USER" && !holderDrivesThere) {
      throw new DomainError("CONFLICT", text("keys.move.ownKeyElsewhere", { fleet: to.name }));
    }
    const assignedDriverId = holderDrivesThere ? key.assignedDriverId : null;
    // Conditional on the fleet it was read in: a concurrent move of the same key moves it once.
    const moved = await tx.chargingKey.updateMany({
      where: { id: key.id, fleetId: from.id },
      data: { fleetId: to.id, assignedDriverId },
    });
    if (moved.count === 0) {
      throw new DomainError("CONFLICT", text("keys.move.justMoved"));
    }
    const before = { fleetId: from.id, fleetName: from.name, assignedDriverId: key.assignedDriverId };
    const after = { fleetId: to.id, fleetName: to.name, assignedDriverId };
    for (const fleetId of [from.id, to.id]) {
      await writeAudit(
        { ...actor, action: "keys.move", fleetId, objectType: "ChargingKey", objectId: key.id, before, after },
        tx,
      );
    }
    return {
      id: key.id,
      fromFleetId: from.id,
      toFleetId: to.id,
      toFleetName: to.name,
      unassigned: key.assignedDriverId !== null && assignedDriverId === null,
    };
  });
}
