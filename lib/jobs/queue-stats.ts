// The job queue's depth and the age of its oldest waiting job, per queue, read from pg-boss's own tables
// at scrape time (the same "waiting" as pg-boss's getQueueSize: created or retry).
import "server-only";
import { pgPool } from "@/lib/pg-pool";
import type { QueueStats } from "@/lib/observability/metrics";
import { QUEUE_SCHEMA } from "./queue";

const QUEUE_STATS_SQL = `
SELECT q.name AS queue,
       count(j.id)::int AS depth,
       COALESCE(EXTRACT(EPOCH FROM now() - min(j.start_after) FILTER (WHERE j.start_after <= now())), 0)::float8
         AS oldest_age_seconds
FROM ${QUEUE_SCHEMA}.queue q
LEFT JOIN ${QUEUE_SCHEMA}.job j ON j.name = q.name AND j.state < 'active'
WHERE NOT starts_with(q.name, '__pgboss__') -- pg-boss's own bookkeeping queues
GROUP BY q.name
ORDER BY q.name`;

const UNDEFINED_TABLE = "42P01";

export async function readQueueStats(): Promise<QueueStats[]> {
  try {
    const { rows } = await pgPool().query<{ queue: string; depth: number; oldest_age_seconds: number }>(
      QUEUE_STATS_SQL,
    );
    return rows.map((r) => ({ queue: r.queue, depth: r.depth, oldestAgeSeconds: r.oldest_age_seconds }));
  } catch (error) {
    // No worker has started pg-boss on this database yet: there are no queues to report.
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return [];
    throw error;
  }
}
