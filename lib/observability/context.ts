// Who the running code works for, outside a request: a job sets it around its handler, and the logger
// and provider calls read it. One store per process (on globalThis), shared by every server bundle.
import { AsyncLocalStorage } from "node:async_hooks";

export interface WorkContext {
  /** The HTTP request that caused this work (e.g. the one that enqueued the job). */
  requestId?: string;
  /** The pg-boss job being run. */
  jobId?: string;
}

const shared = globalThis as unknown as { fleetWorkContext?: AsyncLocalStorage<WorkContext> };
const storage: AsyncLocalStorage<WorkContext> = (shared.fleetWorkContext ??= new AsyncLocalStorage<WorkContext>());

export function runWithContext<T>(context: WorkContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): WorkContext | undefined {
  return storage.getStore();
}
