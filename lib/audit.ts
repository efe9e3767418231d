// The append-only audit trail: who did what to which object, when, with before/after.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

/** Who made a change, and from where: domain code writes it into the entry it adds with the change. */
export interface AuditActor {
  actorId: string;
  ip: string | null;
}

export interface AuditEntry {
  actorId: string | null;
  action: string;
  fleetId?: string | null;
  objectType: string;
  objectId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

function json(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export async function writeAudit(entry: AuditEntry, client: Pick<typeof db, "auditLog"> = db): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      fleetId: entry.fleetId ?? null,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      before: json(entry.before),
      after: json(entry.after),
      ip: entry.ip ?? null,
    },
  });
}
