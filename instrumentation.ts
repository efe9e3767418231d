// Runs once when a Next.js server starts: the background job workers live in every app instance,
// sharing the work through the PostgreSQL job queue.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.JOB_WORKERS === "0" || !process.env.DATABASE_URL) return;
  const { startAllWorkers, JOB_DEFINITIONS } = await import("@/lib/jobs/workers");
  const { log } = await import("@/lib/observability/log");
  await startAllWorkers();
  log.info({ event: "jobs.workers_started", queues: JOB_DEFINITIONS.map((job) => job.name) }, "job workers started");
}
