// Every background job of the app. Each feature adds its job definitions to this list.
import "server-only";
import { startWorkers, type JobDefinition } from "@/lib/jobs/queue";
import { autoRebookJob } from "@/lib/bookings/auto-rebook";
import { BOOKING_JOBS } from "@/lib/bookings/jobs";
import { sessionEventJob } from "@/lib/sessions/session-events";
import { SESSION_AND_KEY_JOBS } from "@/lib/sessions/sync-jobs";
import { providerSyncJob } from "@/lib/provider-sync/job";
import { watchdogJob } from "@/lib/alerts/watchdog";
import { webhookDeliveryJob } from "@/lib/webhooks/deliver";

export const JOB_DEFINITIONS: JobDefinition[] = [
  ...BOOKING_JOBS,
  autoRebookJob as JobDefinition,
  ...SESSION_AND_KEY_JOBS,
  sessionEventJob as JobDefinition,
  providerSyncJob as JobDefinition,
  watchdogJob as JobDefinition,
  webhookDeliveryJob as JobDefinition,
];

export async function startAllWorkers(): Promise<void> {
  await startWorkers(JOB_DEFINITIONS);
}
