// Reads the audit trail of one fleet, newest first.
import "server-only";
import { db } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEntries(fleetId: string, page: number) {
  const rows = await db.auditLog.findMany({
    where: { fleetId },
    orderBy: { at: "desc" },
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
    include: { actor: { select: { name: true, email: true } } },
  });
  return {
    entries: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor ? `${r.actor.name} <${r.actor.email}>` : "system",
      action: r.action,
      objectType: r.objectType,
      objectId: r.objectId,
      before: r.before,
      after: r.after,
    })),
    hasMore: rows.length > AUDIT_PAGE_SIZE,
  };
}
