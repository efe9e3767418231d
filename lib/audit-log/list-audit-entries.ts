// Reads the audit trail of one fleet, newest first: filtered by action, actor, object type and days in
// PostgreSQL, paged, each entry with the name of its object so it can be told in words.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { validTimeZone } from "@/lib/format/reader";
import { periodInZone } from "@/lib/reports/period";
import { actionWords, objectTypeLabel } from "./action-words";
import { describeAuditEntry } from "./describe-entry";
import { objectNames } from "./object-names";

const MAX_PAGE = 10_000;

export const AUDIT_PAGE_SIZE = 50;

/** Every filter is optional; the range is of calendar days in the reader's time zone. */
export interface AuditFilters {
  action?: string | null;
  actorId?: string | null;
  objectType?: string | null;
  /** Both inclusive. */
  from?: string | null;
  to?: string | null;
  page?: number;
}

export interface AuditEntryView {
  id: string;
  at: string;
  /** "Alex Admin disabled charging key 'Card 12'". */
  sentence: string;
  objectType: string;
  before: unknown;
  after: unknown;
}

function auditWhere(fleetId: string, filters: AuditFilters, timeZone: string): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = { fleetId };
  if (filters.action) where.action = filters.action;
  if (filters.actorId) where.actorId = filters.actorId;
  if (filters.objectType) where.objectType = filters.objectType;
  if (filters.from || filters.to) {
    const period = periodInZone(filters.from ?? "1970-01-01", filters.to ?? "9999-12-30", validTimeZone(timeZone));
    where.at = { ...(filters.from ? { gte: period.start } : {}), ...(filters.to ? { lt: period.end } : {}) };
  }
  return where;
}

export async function listAuditEntries(fleetId: string, filters: AuditFilters = {}, timeZone = "UTC") {
  // A page number from the URL is user input: whole, at least 1, and small enough to skip to.
  const requested = Number.isSafeInteger(filters.page) ? (filters.page as number) : 1;
  const page = Math.min(Math.max(1, requested), MAX_PAGE);
  const rows = await db.auditLog.findMany({
    where: auditWhere(fleetId, filters, timeZone),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
    include: { actor: { select: { name: true } } },
  });
  const shown = rows.slice(0, AUDIT_PAGE_SIZE);
  const names = await objectNames(shown);
  const entries: AuditEntryView[] = shown.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    sentence: describeAuditEntry({
      actorName: r.actor?.name ?? null,
      action: r.action,
      objectType: r.objectType,
      objectId: r.objectId,
      objectName: names.get(r.id) ?? null,
    }),
    objectType: r.objectType,
    before: r.before,
    after: r.after,
  }));
  return { entries, page, hasMore: rows.length > AUDIT_PAGE_SIZE };
}

/** The choices of the filter menus, in words: what this fleet's log holds. */
export async function auditFilterOptions(fleetId: string) {
  const [actions, actors, objectTypes] = await Promise.all([
    db.auditLog.findMany({ where: { fleetId }, distinct: ["action"], select: { action: true } }),
    db.auditLog.findMany({
      where: { fleetId, actorId: { not: null } },
      distinct: ["actorId"],
      select: { actor: { select: { id: true, name: true } } },
    }),
    db.auditLog.findMany({ where: { fleetId }, distinct: ["objectType"], select: { objectType: true } }),
  ]);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  return {
    actions: actions.map((a) => ({ value: a.action, label: actionWords(a.action).label })).sort(byLabel),
    actors: actors.flatMap((a) => (a.actor ? [{ value: a.actor.id, label: a.actor.name }] : [])).sort(byLabel),
    objectTypes: objectTypes.map((o) => ({ value: o.objectType, label: objectTypeLabel(o.objectType) })).sort(byLabel),
  };
}

export type AuditFilterOptions = Awaited<ReturnType<typeof auditFilterOptions>>;
