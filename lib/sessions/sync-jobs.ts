// Background jobs that keep ChargingSession current: incremental pulls every few minutes, a nightly full re-pull.
import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import { defineJob, enqueue, type JobDefinition } from "@/lib/jobs/queue";
import { keysSyncJob } from "@/lib/keys/sync-keys-job";
import { providersWith } from "@/lib/providers";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { SESSION_SYNC_MINUTES } from "./sync-cadence";
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
    logWithRequestId(
      "warn",
      { event: "sessions.sync_failures", count: failures.length, failures },
      "session sources failed; they resume next run",
    );
  return { passes, failures };
}

/**
 * A person's "sync now" for one fleet, and its audit entry: a summary of what came of it.
 *
 * The entry follows the sync's writes rather than sharing their transaction, and that is the honest boundary:
 * the sync is many page transactions, each committed with its cursor so an interrupted sync resumes where it
 * stopped, and one transaction around all of them would hold locks across many provider calls and lose that.
 * What those pages write is a copy of the provider's sessions — the same copy the scheduled sync makes every
 * few minutes, unaudited — so the person's own act is asking for it now, and the entry records that act and its
 * outcome, which exist only once the last page is in. If the entry cannot be written, the action fails (the
 * copied sessions stay, as the next scheduled sync would have written them).
 */
export async function syncSessionsNow(fleetId: string, actor: AuditActor) {
  const result = await runSessionSync({ fleetId });
  const summary = {
    drivers: new Set(result.passes.flatMap((p) => p.driverId ?? [])).size,
    changed: result.passes.reduce((n, p) => n + p.changed, 0),
    failures: result.failures.length,
  };
  await writeAudit({
    ...actor,
    action: "sessions.sync-now",
    fleetId,
    objectType: "ChargingSessionSync",
    after: summary,
  });
  return summary;
}

export const sessionSyncJob = defineJob<SessionSyncData>({
  name: SESSION_SYNC_JOB,
  // One sync at a time across every app instance: cursors are per driver, two passes would race.
  policy: "singleton",
  cron: `*/${SESSION_SYNC_MINUTES} * * * *`,
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
