// The PostgreSQL-backed job queue (pg-boss): one per process, shared by every app instance through the database.
import "server-only";
import PgBoss from "pg-boss";
import type { Prisma } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";
import { createQueueRacing } from "./create-queue";
import { runJob, withRequestId } from "./run-job";

/** The PostgreSQL schema pg-boss keeps its tables in. */
export const QUEUE_SCHEMA = "pgboss";

const globalForQueue = globalThis as unknown as { jobQueue?: Promise<PgBoss> };

/** Starts pg-boss once per process (creating its schema on first use) and returns it. */
export function getQueue(): Promise<PgBoss> {
  globalForQueue.jobQueue ??= (async () => {
    const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: QUEUE_SCHEMA, max: 4 });
    boss.on("error", (error) => log.error({ event: "jobs.queue_error", err: error }, "job queue error"));
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
  /** What it resolves to is kept as the job's output in pg-boss (e.g. who ran it, and when). */
  handle(data: T, job: { id: string }): Promise<unknown>;
}

export function defineJob<T extends object>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

/** Creates the queues, their schedules and their workers. */
export async function startWorkers(definitions: JobDefinition[]): Promise<void> {
  const boss = await getQueue();
  for (const job of definitions) {
    await createQueueRacing(boss, job.name, { name: job.name, policy: job.policy ?? "standard" });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    if (job.runOnStart) await boss.send(job.name, {}, { singletonKey: `${job.name}:on-start`, singletonSeconds: 60 });
    await boss.work<object>(
      job.name,
      { pollingIntervalSeconds: job.pollingIntervalSeconds ?? 2, batchSize: 1 },
      async ([item]) => {
        if (item) return runJob(job, item);
      },
    );
  }
}

/** Enqueues a job, with the enqueuing request's id; with a singletonKey only one such job waits at a time. */
export async function enqueue<T extends object>(
  name: string,
  data: T,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  const boss = await getQueue();
  return boss.send(name, await withRequestId(data), options);
}

const ensured = new Map<string, Promise<void>>();

/** Creates a queue once per process: pg-boss drops a job sent to a queue that does not exist yet, silently. */
function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  let pending = ensured.get(name);
  if (!pending) {
    pending = createQueueRacing(boss, name, { name, policy: "standard" });
    pending.catch(() => ensured.delete(name));
    ensured.set(name, pending);
  }
  return pending;
}

/** node-postgres would take undefined as null and an object as JSON; Prisma's raw query wants them spelt out. */
function rawParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "object" && value !== null && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

/**
 * Enqueues a job inside a Prisma transaction: the job exists if and only if the transaction commits (a change and
 * the work it owes are never parted by a crash between the two). For a queue of the standard policy.
 */
export async function enqueueInTransaction<T extends object>(
  tx: Prisma.TransactionClient,
  name: string,
  data: T,
  options: Omit<PgBoss.SendOptions, "singletonKey" | "singletonSeconds" | "db"> = {},
): Promise<string> {
  const boss = await getQueue();
  await ensureQueue(boss, name);
  const inTransaction: PgBoss.Db = {
    async executeSql(text, values) {
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(rawParameter)) };
    },
  };
  const id = await boss.send(name, await withRequestId(data), { ...options, db: inTransaction });
  // Without a singleton key the insert always writes a row: none means the job was lost, and so must the change be.
  if (!id) throw new Error(`the job queue took no ${name} job`);
  return id;
}
