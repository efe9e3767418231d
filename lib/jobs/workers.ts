// Every background job of the app. Each feature adds its job definitions to this list.
import "server-only";
import { startWorkers, type JobDefinition } from "@/lib/jobs/queue";

export const JOB_DEFINITIONS: JobDefinition[] = [];

export async function startAllWorkers(): Promise<void> {
  await startWorkers(JOB_DEFINITIONS);
}
