// How often the session sync pulls completed sessions (lib/sessions/sync-jobs.ts), apart from the job itself
// so that the quota bench simulates the same cadence.

/** Minutes between two incremental pulls. */
export const SESSION_SYNC_MINUTES = 5;
