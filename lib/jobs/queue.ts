// The PostgreSQL-backed job queue (pg-boss): one per process, shared by every app instance through the database.
import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";

const globalForQueue = globalThis as unknown as { jobQueue?: Promise<PgBoss> };

/** Starts pg-boss once per process (creating its schema on first use) and returns it. */
export function getQueue(): Promise<PgBoss> {
  globalForQueue.jobQueue ??= (async () => {
    const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss", max: 4 });
    boss.on("error", (error) => console.error("[jobs] queue error", error));
    await boss.start();
    return boss;
  })();
  return globalForQueue.jobQueue;
}

export async function stopQueue(): Promise<void> {
  const pending = globalForQueue.jobQueue;
  globalForQueue.jobQueue = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 5_000 });
}

export interface JobDefinition<T extends object = object> {
  /** Queue name, e.g. "bookings.reconcile". */
  name: string;
  /** pg-boss queue policy: "singleton" lets only one job of the queue run at a time across all instances. */
  policy?: "standard" | "short" | "singleton" | "stately";
  /** A cron schedule (minute granularity) that enqueues the job; pg-boss runs each tick once across instances. */
  cron?: string;
  /** Enqueue one run when the workers start (once across instances), e.g. a first sync on a fresh install. */
  runOnStart?: boolean;
  /** Seconds between polls for new jobs (default 2). */
  pollingIntervalSeconds?: number;
  handle(data: T, job: { id: string }): Promise<void>;
}

export function defineJob<T extends object>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

/** Creates the queues, their schedules and their workers. */
export async function startWorkers(definitions: JobDefinition[]): Promise<void> {
  const boss = await getQueue();
  for (const job of definitions) {
    await boss.createQueue(job.name, { name: job.name, policy: job.policy ?? "standard" });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    if (job.runOnStart) await boss.send(job.name, {}, { singletonKey: `${job.name}:on-start`, singletonSeconds: 60 });
    await boss.work<object>(
      job.name,
      { pollingIntervalSeconds: job.pollingIntervalSeconds ?? 2, batchSize: 1 },
      async ([item]) => {
        if (item) await job.handle(item.data, { id: item.id });
      },
    );
  }
}

/** Enqueues a job; with a singletonKey only one such job waits at a time. */
export async function enqueue<T extends object>(
  name: string,
  data: T,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  const boss = await getQueue();
  return boss.send(name, data, options);
}
