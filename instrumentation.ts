// Runs once when a Next.js server starts: the background job workers live in every app instance,
// sharing the work through the PostgreSQL job queue.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.JOB_WORKERS === "0" || !process.env.DATABASE_URL) return;
  const { startAllWorkers } = await import("@/lib/jobs/workers");
  await startAllWorkers();
  console.log("[jobs] workers started");
}
