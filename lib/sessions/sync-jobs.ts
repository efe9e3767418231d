// Background jobs that keep ChargingSession current: incremental pulls every few minutes, a nightly full re-pull.
import "server-only";
import { db } from "@/lib/db";
import { defineJob, enqueue, type JobDefinition } from "@/lib/jobs/queue";
import { keysSyncJob } from "@/lib/keys/sync-keys-job";
import { providersWith } from "@/lib/providers";
import { syncSessionSource, type SourceSyncSummary, type SyncMode } from "./sync";

export const SESSION_SYNC_JOB = "sessions.sync";

interface SessionSyncData {
  mode?: SyncMode;
  fleetId?: string;
  driverId?: string;
}

/**
 * Every provider with a session source in turn; each keeps its own cursors, so one failing provider does
 * not block the others. Account-wide sources are skipped by a per-fleet refresh (the Refresh button).
 */
export async function runSessionSync(data: SessionSyncData = {}) {
  const mode = data.mode ?? "incremental";
  const sources: SourceSyncSummary[] = [];
  for (const source of providersWith("sessionSource")) {
    sources.push(await syncSessionSource(db, source, { mode, fleetId: data.fleetId, driverId: data.driverId }));
  }
  const passes = sources.flatMap((s) => s.passes);
  const failures = sources.flatMap((s) =>
    s.failures.map((f) => `${s.provider.toLowerCase()}${f.driverId ? ` ${f.driverId}` : ""}: ${f.error}`),
  );
  if (failures.length)
    console.warn(`[${SESSION_SYNC_JOB}] ${failures.length} source(s) failed; they resume next run`, failures);
  return { passes, failures };
}

export const sessionSyncJob = defineJob<SessionSyncData>({
  name: SESSION_SYNC_JOB,
  // One sync at a time across every app instance: cursors are per driver, two passes would race.
  policy: "singleton",
  cron: "*/5 * * * *",
  // A fresh install shows costs right away instead of after the first tick.
  runOnStart: true,
  handle: async (data) => {
    await runSessionSync(data);
  },
});

export const sessionFullResyncJob = defineJob<object>({
  name: "sessions.full-resync",
  policy: "singleton",
  // Nightly: catches sessions that completed after an incremental pull had moved past their start.
  cron: "17 3 * * *",
  handle: async () => {
    await runSessionSync({ mode: "full" });
  },
});

/** Asks for a sync soon (e.g. after a session stops); a request already waiting absorbs this one. */
export function requestSessionSync(data: SessionSyncData = {}): Promise<string | null> {
  return enqueue(SESSION_SYNC_JOB, data, { singletonKey: `sync:${data.fleetId ?? "all"}:${data.driverId ?? "all"}` });
}

/** Every background job of keys and sessions, registered in lib/jobs/workers.ts as one entry. */
export const SESSION_AND_KEY_JOBS = [sessionSyncJob, sessionFullResyncJob, keysSyncJob] as JobDefinition[];
