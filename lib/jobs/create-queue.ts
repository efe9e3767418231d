// Creates a pg-boss queue even while other instances start too: pg-boss creates each queue's table and
// attaches it as a partition, and instances creating queues at the same moment on a fresh database can
// deadlock (or trip over each other's table). The loser tries again, and then finds the queue there.
import type PgBoss from "pg-boss";

/** deadlock_detected, serialization_failure, unique_violation, duplicate_table */
const RACE_CODES = new Set(["40P01", "40001", "23505", "42P07"]);

export async function createQueueRacing(
  boss: Pick<PgBoss, "createQueue">,
  name: string,
  options: PgBoss.Queue,
  { attempts = 8, sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) } = {},
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, options);
      return;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= attempts || typeof code !== "string" || !RACE_CODES.has(code)) throw error;
      await sleep(50 * attempt + Math.random() * 150);
    }
  }
}
