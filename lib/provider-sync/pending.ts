// Which parts of a fleet wait for a sync with their provider, so the UI can say "syncing".
import "server-only";
import { db } from "@/lib/db";

export interface PendingSyncs {
  fleetName: boolean;
  /** ChargingKey ids. */
  keys: Set<string>;
  /** User ids of members being removed. */
  members: Set<string>;
}

export async function pendingSyncs(fleetId: string): Promise<PendingSyncs> {
  const rows = await db.providerSync.findMany({
    where: { fleetId, status: "PENDING" },
    select: { kind: true, objectId: true, desired: true },
  });
  const pending: PendingSyncs = { fleetName: false, keys: new Set(), members: new Set() };
  for (const row of rows) {
    if (row.kind === "fleet.rename") pending.fleetName = true;
    if (row.kind === "key.set-enabled") pending.keys.add(row.objectId);
    if (row.kind === "member.remove") {
      pending.members.add(row.objectId);
      // The departing driver's keys are being switched off with the removal.
      const keys = (row.desired as { keys?: Array<{ id: string }> } | null)?.keys ?? [];
      for (const key of keys) pending.keys.add(key.id);
    }
  }
  return pending;
}
