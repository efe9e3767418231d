// Reads the audit trail, newest first: filtered by action, actor, object type and days in PostgreSQL, paged,
// each entry with the name of its object so it can be told in words. Two views of it:
// - a fleet's log: every change made in the fleet (and refusals of its own members there);
// - an organisation's security log, for its admins: the entries that belong to no fleet — sign-ins, failed
//   sign-ins, lock-outs, sign-outs, password changes, and refusals — of people who are members of one of the
//   organisation's fleets, and refusals of anyone that pointed at one of its fleets.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { validTimeZone } from "@/lib/format/reader";
import { periodInZone } from "@/lib/reports/period";
import { translator } from "@/lib/i18n/messages";
import { actionLabel, objectTypeLabel, type AuditTranslator } from "./action-words";
import { describeAuditEntry } from "./describe-entry";
import { objectNames } from "./object-names";

const MAX_PAGE = 10_000;

/** The words of callers that name no language (the CSV download, for now). */
const ENGLISH: AuditTranslator = translator("en", "audit");

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
  actorName: string | null;
  action: string;
  sentence: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export type AuditView = { kind: "fleet"; fleetId: string } | { kind: "security"; organizationId: string };

/** The organisation's security log for an admin of `fleetId`. */
export async function securityView(fleetId: string): Promise<AuditView> {
  const fleet = await db.fleet.findUniqueOrThrow({ where: { id: fleetId }, select: { organizationId: true } });
  return { kind: "security", organizationId: fleet.organizationId };
}

async function viewWhere(view: AuditView): Promise<Prisma.AuditLogWhereInput> {
  if (view.kind === "fleet") return { fleetId: view.fleetId };
  const fleets = await db.fleet.findMany({ where: { organizationId: view.organizationId }, select: { id: true } });
  return {
    fleetId: null,
    OR: [
      { actor: { memberships: { some: { fleet: { organizationId: view.organizationId } } } } },
      // A refusal records the fleet it pointed at beside the entry, not as its fleet (lib/actions/denials.ts).
      ...fleets.map((f) => ({ after: { path: ["requestedFleetId"], equals: f.id } })),
    ],
  };
}

async function auditWhere(view: AuditView, filters: AuditFilters, timeZone: string) {
  const where: Prisma.AuditLogWhereInput = await viewWhere(view);
  if (filters.action) where.action = filters.action;
  if (filters.actorId) where.actorId = filters.actorId;
  if (filters.objectType) where.objectType = filters.objectType;
  if (filters.from || filters.to) {
    const period = periodInZone(filters.from ?? "1970-01-01", filters.to ?? "9999-12-30", validTimeZone(timeZone));
    where.at = { ...(filters.from ? { gte: period.start } : {}), ...(filters.to ? { lt: period.end } : {}) };
  }
  return where;
}

/** A fleet's id stands for its own log. */
function asView(view: AuditView | string): AuditView {
  return typeof view === "string" ? { kind: "fleet", fleetId: view } : view;
}

/** `t`: an `audit` translator, the sentences' language. */
export async function listAuditEntries(
  view: AuditView | string,
  filters: AuditFilters = {},
  timeZone = "UTC",
  t: AuditTranslator = ENGLISH,
) {
  // A page number from the URL is user input: whole, at least 1, and small enough to skip to.
  const requested = Number.isSafeInteger(filters.page) ? (filters.page as number) : 1;
  const page = Math.min(Math.max(1, requested), MAX_PAGE);
  const rows = await db.auditLog.findMany({
    where: await auditWhere(asView(view), filters, timeZone),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
    include: { actor: { select: { name: true } } },
  });
  const shown = rows.slice(0, AUDIT_PAGE_SIZE);
  return { entries: await inWords(shown, t), page, hasMore: rows.length > AUDIT_PAGE_SIZE };
}

type AuditRow = Prisma.AuditLogGetPayload<{ include: { actor: { select: { name: true } } } }>;

async function inWords(rows: AuditRow[], t: AuditTranslator): Promise<AuditEntryView[]> {
  const names = await objectNames(rows);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorName: r.actor?.name ?? null,
    action: r.action,
    sentence: describeAuditEntry(
      {
        actorName: r.actor?.name ?? null,
        action: r.action,
        objectType: r.objectType,
        objectId: r.objectId,
        objectName: names.get(r.id) ?? null,
      },
      t,
    ),
    objectType: r.objectType,
    objectId: r.objectId,
    before: r.before,
    after: r.after,
    ip: r.ip,
  }));
}

/** Every entry matching the filters, newest first, in words: for the CSV download (at most `limit`). */
export async function exportAuditEntries(
  view: AuditView,
  filters: AuditFilters,
  timeZone: string,
  limit: number,
  t: AuditTranslator = ENGLISH,
) {
  const rows = await db.auditLog.findMany({
    where: await auditWhere(view, filters, timeZone),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    include: { actor: { select: { name: true } } },
  });
  return inWords(rows, t);
}

/** The choices of the filter menus, in words: what this fleet's log holds. */
export async function auditFilterOptions(view: AuditView | string, t: AuditTranslator = ENGLISH) {
  const where = await viewWhere(asView(view));
  const [actions, actors, objectTypes] = await Promise.all([
    db.auditLog.findMany({ where, distinct: ["action"], select: { action: true } }),
    db.auditLog.findMany({
      where: { AND: [where, { actorId: { not: null } }] },
      distinct: ["actorId"],
      select: { actor: { select: { id: true, name: true } } },
    }),
    db.auditLog.findMany({ where, distinct: ["objectType"], select: { objectType: true } }),
  ]);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  return {
    actions: actions.map((a) => ({ value: a.action, label: actionLabel(t, a.action) })).sort(byLabel),
    actors: actors.flatMap((a) => (a.actor ? [{ value: a.actor.id, label: a.actor.name }] : [])).sort(byLabel),
    objectTypes: objectTypes
      .map((o) => ({ value: o.objectType, label: objectTypeLabel(t, o.objectType) }))
      .sort(byLabel),
  };
}

export type AuditFilterOptions = Awaited<ReturnType<typeof auditFilterOptions>>;
