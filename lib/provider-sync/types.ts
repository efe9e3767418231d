// What a provider write that is settled through a ProviderSync row consists of, kind by kind.
import type { Prisma } from "@/generated/prisma/client";
import type { ProviderName } from "@/lib/domain";
import type { FleetsCapable, KeyPort } from "@/lib/providers/types";

export type Tx = Prisma.TransactionClient;

export const SYNC_KINDS = ["fleet.rename", "key.set-enabled", "member.remove"] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

/** Who asked for the change: written into its audit entry, whichever process settles it. */
export interface SyncActor {
  actorId: string | null;
  ip?: string | null;
}

export interface SyncIntent<D> {
  id: string;
  kind: SyncKind;
  fleetId: string;
  objectId: string;
  desired: D;
  actorId: string | null;
  ip: string | null;
}

/** The providers a sync reaches, by capability. */
export interface SyncProviders {
  fleets: Pick<FleetsCapable, "renameFleet">;
  findKeyPort(name: ProviderName): KeyPort | undefined;
}

export interface SyncHandler<D, R = unknown> {
  kind: SyncKind;
  /** Brings the provider to the desired state; repeating it is harmless (the reconciler does). */
  push(intent: SyncIntent<D>, providers: SyncProviders): Promise<void>;
  /** The local change and its audit entries, in the transaction that marks the intent done. */
  apply(tx: Tx, intent: SyncIntent<D>): Promise<R>;
  /** Puts the provider back as it was, when the local change can never be applied. */
  revert(intent: SyncIntent<D>, providers: SyncProviders): Promise<void>;
}
