// Moving a charging key from one fleet to another: only ever on purpose, by an admin of both fleets (a
// refresh never moves a key). The dashboard's own bookkeeping; the key stays as it is at its provider.
import "server-only";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
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
    throw new DomainError("VALIDATION", "The key is already in this fleet. Choose another fleet.", {
      toFleetId: ["Choose another fleet"],
    });
  }
  const key = await db.chargingKey.findFirst({ where: { id: keyId, fleetId: fromFleetId } });
  if (!key) {
    throw new DomainError("NOT_FOUND", "This key is not in your fleet (it may have been moved). Refresh the list.");
  }
  if ((await pendingSyncs(fromFleetId)).keys.has(key.id)) {
    throw new DomainError("CONFLICT", "This key is being switched at its provider. Move it once that is done.");
  }
  return db.$transaction(async (tx) => {
    const [from, to] = await Promise.all([
      tx.fleet.findUniqueOrThrow({ where: { id: fromFleetId }, select: { id: true, name: true } }),
      tx.fleet.findUnique({ where: { id: toFleetId }, select: { id: true, name: true } }),
    ]);
    if (!to) throw new DomainError("NOT_FOUND", "That fleet does not exist any more.");
    const holder = key.assignedDriverId
      ? await tx.membership.findUnique({
          where: { userId_fleetId: { userId: key.assignedDriverId, fleetId: to.id } },
          select: { role: true },
        })
      : null;
    const holderDrivesThere = holder?.role === "DRIVER";
    if (key.source === "USER" && !holderDrivesThere) {
      throw new DomainError(
        "CONFLICT",
        `This is a driver's own key: it can only move to a fleet where its driver is a driver. Add them to ${to.name} first.`,
      );
    }
    const assignedDriverId = holderDrivesThere ? key.assignedDriverId : null;
    // Conditional on the fleet it was read in: a concurrent move of the same key moves it once.
    const moved = await tx.chargingKey.updateMany({
      where: { id: key.id, fleetId: from.id },
      data: { fleetId: to.id, assignedDriverId },
    });
    if (moved.count === 0) {
      throw new DomainError("CONFLICT", "This key has just been moved by someone else. Refresh the list.");
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
