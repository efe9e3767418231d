// Settles the changes left PENDING: repeats the provider write (harmless), then applies ours with its audit
// entry; reverts the provider when ours can never be applied, or after MAX_ATTEMPTS.
import "server-only";
import { db } from "@/lib/db";
import { fleetRenameSync } from "@/lib/fleets/rename-fleet";
import { memberRemovalSync } from "@/lib/fleets/members";
import { keyEnabledSync } from "@/lib/keys/manage-keys";
import { MAX_ATTEMPTS, cannotApplyLocally, errorText, providerRefused, retryDelayMs } from "./policy";
import { defaultSyncProviders } from "./providers";
import { applyLocally, revertAndFail, toIntent } from "./run-sync";
import type { SyncHandler, SyncKind, SyncProviders } from "./types";

const HANDLERS: Record<SyncKind, SyncHandler<never>> = {
  "fleet.rename": fleetRenameSync as SyncHandler<never>,
  "key.set-enabled": keyEnabledSync as SyncHandler<never>,
  "member.remove": memberRemovalSync as SyncHandler<never>,
};

export interface ReconcileResult {
  done: number;
  reverted: number;
  failed: number;
  retrying: number;
}

export async function reconcileProviderSyncs(
  providers: SyncProviders = defaultSyncProviders(),
  { now = new Date(), limit = 20 }: { now?: Date; limit?: number } = {},
): Promise<ReconcileResult> {
  const result: ReconcileResult = { done: 0, reverted: 0, failed: 0, retrying: 0 };
  const due = await db.providerSync.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  for (const row of due) {
    // Claimed by moving its next attempt on: another instance running at the same moment skips it.
    const claimed = await db.providerSync.updateMany({
      where: { id: row.id, status: "PENDING", nextAttemptAt: row.nextAttemptAt },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts + 1)) },
    });
    if (claimed.count !== 1) continue;
    const handler = HANDLERS[row.kind as SyncKind] as SyncHandler<unknown> | undefined;
    if (!handler) {
      await db.providerSync.update({
        where: { id: row.id },
        data: { status: "FAILED", settledAt: now, lastError: `unknown kind ${row.kind}` },
      });
      result.failed++;
      continue;
    }
    const intent = toIntent<unknown>(row);
    if (row.attempts + 1 > MAX_ATTEMPTS) {
      const reason = new Error(`gave up after ${MAX_ATTEMPTS} attempts: ${row.lastError ?? "no detail"}`);
      if (await revertAndFail(handler, intent, providers, reason)) result.reverted++;
      else result.retrying++;
      continue;
    }
    try {
      await handler.push(intent, providers);
    } catch (error) {
      if (providerRefused(error)) {
        // It never got there (or no longer can): nothing here changes either.
        await db.providerSync.updateMany({
          where: { id: row.id, status: "PENDING" },
          data: { status: "FAILED", settledAt: now, lastError: errorText(error) },
        });
        result.failed++;
      } else {
        await db.providerSync.update({ where: { id: row.id }, data: { lastError: errorText(error) } });
        result.retrying++;
      }
      continue;
    }
    try {
      await applyLocally(handler, intent);
      result.done++;
    } catch (error) {
      if (cannotApplyLocally(error)) {
        if (await revertAndFail(handler, intent, providers, error)) result.reverted++;
        else result.retrying++;
      } else {
        // Settled by someone else meanwhile, or still failing here: the row says which.
        await db.providerSync.updateMany({
          where: { id: row.id, status: "PENDING" },
          data: { lastError: errorText(error) },
        });
        result.retrying++;
      }
    }
  }
  return result;
}
