// Two app instances starting together on a fresh database both create every queue: pg-boss alone deadlocks
// here (two instances attaching queue partitions at once), createQueueRacing tries again.
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { createQueueRacing } from "./create-queue";

const instances = [0, 1].map(
  () => new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss_start_race", max: 4 }),
);

afterAll(async () => {
  await Promise.all(instances.map((boss) => boss.stop({ graceful: false })));
});

describe("queues created by instances starting together", () => {
  it("all exist, and no instance fails to start", async () => {
    await Promise.all(instances.map((boss) => boss.start()));
    const names = Array.from({ length: 8 }, (_, i) => `start-race.queue-${i}`);
    for (let round = 0; round < 3; round++) {
      const queues = names.map((name) => `${name}.${round}`);
      await Promise.all(
        instances.map(async (boss) => {
          for (const name of queues) await createQueueRacing(boss, name, { name, policy: "standard" });
        }),
      );
      for (const name of queues) expect((await instances[0].getQueue(name))?.name).toBe(name);
    }
  }, 90_000);
});
