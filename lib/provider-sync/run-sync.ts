// Intent first, then the provider, then the local change with its audit entry in the transaction that marks
// the intent done. What cannot be finished at once stays PENDING for the reconciler (reconcile.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type ProviderSync } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { DomainError, text } from "@/lib/errors";
import { genericProviderText, isProviderError, type ProviderError } from "@/lib/providers/errors";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { throwIfLocalFailurePlanned } from "./faults";
import { REQUEST_GRACE_MS, cannotApplyLocally, errorText, providerRefused } from "./policy";
import type { SyncActor, SyncHandler, SyncIntent, SyncKind, SyncProviders } from "./types";

export type SyncOutcome<R> =
  /** Both sides agree and the change has its audit entry. */
  | { status: "done"; result: R }
  /** The provider has the change; ours follows when the reconciler gets the database to accept it. */
  | { status: "syncing" };

export const STILL_SYNCING_MESSAGE = text("sync.stillSyncing");

class AlreadySettled extends Error {}

export function toIntent<D>(row: ProviderSync): SyncIntent<D> {
  return {
    id: row.id,
    kind: row.kind as SyncKind,
    fleetId: row.fleetId,
    objectId: row.objectId,
    desired: row.desired as D,
    actorId: row.actorId,
    ip: row.ip,
  };
}

async function storeIntent<D>(
  kind: SyncKind,
  input: { fleetId: string; objectId: string; desired: D; actor: SyncActor },
): Promise<SyncIntent<D>> {
  try {
    const row = await db.providerSync.create({
      data: {
        idempotencyKey: `${kind}:${input.objectId}:${randomUUID()}`,
        kind,
        fleetId: input.fleetId,
        objectId: input.objectId,
        desired: JSON.parse(JSON.stringify(input.desired)) as Prisma.InputJsonValue,
        actorId: input.actor.actorId,
        ip: input.actor.ip ?? null,
        nextAttemptAt: new Date(Date.now() + REQUEST_GRACE_MS),
      },
    });
    return toIntent<D>(row);
  } catch (error) {
    // One pending change per object (a partial unique index): a second would race the first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("CONFLICT", STILL_SYNCING_MESSAGE);
    }
    throw error;
  }
}

async function note(id: string, data: Prisma.ProviderSyncUpdateManyMutationInput): Promise<void> {
  // Only a pending intent is touched: one settled meanwhile keeps its outcome.
  await db.providerSync.updateMany({ where: { id, status: "PENDING" }, data }).catch((error: unknown) => {
    logWithRequestId(
      "warn",
      { event: "provider-sync.note_failed", syncId: id, error: errorText(error) },
      "could not note the state of a provider sync",
    );
  });
}

/** The local change, its audit entries and "done", all or nothing; AlreadySettled if someone else finished it. */
export async function applyLocally<D, R>(handler: SyncHandler<D, R>, intent: SyncIntent<D>): Promise<R> {
  return db.$transaction(async (tx) => {
    // Taking the row first also serialises the request and the reconciler: the second sees it settled.
    const claimed = await tx.providerSync.updateMany({
      where: { id: intent.id, status: "PENDING" },
      data: { status: "DONE", settledAt: new Date(), lastError: null },
    });
    if (claimed.count !== 1) throw new AlreadySettled();
    const result = await handler.apply(tx, intent);
    throwIfLocalFailurePlanned(intent.kind);
    return result;
  });
}

/** Puts the provider back and marks the intent FAILED; if the revert itself fails, the reconciler repeats it. */
export async function revertAndFail<D>(
  handler: SyncHandler<D>,
  intent: SyncIntent<D>,
  providers: SyncProviders,
  reason: unknown,
): Promise<boolean> {
  try {
    await handler.revert(intent, providers);
  } catch (error) {
    await note(intent.id, { lastError: `revert failed: ${errorText(error)} (after: ${errorText(reason)})` });
    return false;
  }
  await note(intent.id, { status: "FAILED", settledAt: new Date(), lastError: errorText(reason) });
  return true;
}

async function settledOutcome<R>(id: string): Promise<SyncOutcome<R>> {
  const row = await db.providerSync.findUnique({ where: { id } });
  if (row?.status === "FAILED") throw new DomainError("CONFLICT", text("sync.undone"));
  return { status: "syncing" };
}

/** The provider's failure as `sync.keepsTrying` tells it: by its code where it said the generic words for it. */
function unansweredCode(error: ProviderError): string {
  return error.text?.key === genericProviderText(error.code).key ? error.code : "other";
}

/**
 * Runs one change through its intent. A provider refusal fails the intent (nothing changed anywhere) and is
 * rethrown; any other provider failure leaves it PENDING, since the provider may have applied it. A local
 * failure after the provider succeeded answers "syncing", or reverts the provider when it can never apply.
 */
export async function runSync<D, R>(
  handler: SyncHandler<D, R>,
  input: { fleetId: string; objectId: string; desired: D; actor: SyncActor },
  providers: SyncProviders,
): Promise<SyncOutcome<R>> {
  const intent = await storeIntent(handler.kind, input);
  try {
    await handler.push(intent, providers);
  } catch (error) {
    if (providerRefused(error)) {
      await note(intent.id, { status: "FAILED", settledAt: new Date(), lastError: errorText(error) });
      throw error;
    }
    // It may have happened there: the reconciler finds out by repeating it, which is harmless.
    await note(intent.id, { lastError: errorText(error), nextAttemptAt: new Date() });
    if (!isProviderError(error)) throw error;
    throw new DomainError("PROVIDER", text("sync.keepsTrying", { code: unansweredCode(error) }));
  }
  try {
    return { status: "done", result: await applyLocally(handler, intent) };
  } catch (error) {
    if (error instanceof AlreadySettled) return settledOutcome(intent.id);
    if (cannotApplyLocally(error)) {
      await revertAndFail(handler, intent, providers, error);
      throw error;
    }
    logWithRequestId(
      "warn",
      { event: "provider-sync.local_write_failed", kind: intent.kind, objectId: intent.objectId },
      "local write failed, left for the reconciler",
    );
    await note(intent.id, { lastError: errorText(error), nextAttemptAt: new Date() });
    return { status: "syncing" };
  }
}
