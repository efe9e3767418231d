// A test seam: makes the local transaction of a sync fail after the provider call, as a database outage would.
import type { SyncKind } from "./types";

const planned = new Map<SyncKind, number>();

/** The next `times` local transactions of this kind throw (and roll back) after their writes. */
export function failLocalApply(kind: SyncKind, times = 1): void {
  planned.set(kind, (planned.get(kind) ?? 0) + times);
}

export function clearLocalFailures(): void {
  planned.clear();
}

/** Throws once per planned failure; nothing is ever planned outside tests. */
export function throwIfLocalFailurePlanned(kind: SyncKind): void {
  const left = planned.get(kind) ?? 0;
  if (left <= 0) return;
  planned.set(kind, left - 1);
  throw new Error(`local write of ${kind} failed (injected)`);
}
