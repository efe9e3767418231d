// The reconciler as a background job: every minute, one run at a time across every app instance.
import "server-only";
import { defineJob } from "@/lib/jobs/queue";
import { log } from "@/lib/observability/log";
import { reconcileProviderSyncs } from "./reconcile";

export const PROVIDER_SYNC_JOB = "provider-sync.reconcile";

export const providerSyncJob = defineJob<object>({
  name: PROVIDER_SYNC_JOB,
  policy: "singleton",
  cron: "* * * * *",
  // Changes left pending when the app stopped are settled right after it starts again.
  runOnStart: true,
  handle: async () => {
    const result = await reconcileProviderSyncs();
    if (result.retrying || result.reverted || result.failed) {
      log.warn({ event: "provider-sync.unsettled", ...result }, "provider syncs left unsettled");
    }
  },
});
