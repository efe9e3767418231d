// Keeps every fleet's keys current in the background (the Refresh button does the same for one fleet at once).
import "server-only";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/queue";
import { log } from "@/lib/observability/log";
import { keyPorts } from "@/lib/providers";
import { syncFleetKeysFromAll } from "./sync-keys";

export const keysSyncJob = defineJob<object>({
  name: "keys.sync",
  policy: "singleton",
  cron: "*/15 * * * *",
  runOnStart: true,
  handle: async () => {
    for (const fleet of await db.fleet.findMany({ select: { id: true } })) {
      try {
        await syncFleetKeysFromAll(db, keyPorts(), fleet.id);
      } catch (error) {
        log.warn({ event: "keys.sync_failed", fleetId: fleet.id, err: error }, "key sync failed for a fleet");
      }
    }
  },
});
