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

/** The deepest page a bare page number reaches: the pager goes deeper by cursor. */
export const MAX_AUDIT_PAGE = 200;

/** The words of callers that name no language (the CSV download, for now). */
const ENGLISH: AuditTranslator = translator("en", "audit");

export const AUDIT_PAGE_SIZE = 50;

/** Who acted: a person's name, or the API token whose service account it was. */
const ACTOR = { select: { name: true, apiTokenAccount: { select: { name: true } } } } as const;

function actorName(actor: { name: string; apiTokenAccount: { name: string } | null } | null, t: AuditTranslator) {
  if (!actor) return null;
  return actor.apiTokenAccount ? t("sentence.apiTokenActor", { name: actor.apiTokenAccount.name }) : actor.name;
}

/** Every filter is optional; the range is of calendar days in the reader's time zone. */
export interface AuditFilters {
  action?: string | null;
  actorId?: string | null;
  objectType?: string | null;
  /** Both inclusive. */
  from?: string | null;
  to?: string | null;
  /** The page's number, as the pager counts it: with a cursor only a label, without one an offset. */
  page?: number;
  /** Cursors of the pager (auditCursor of an entry): the entries older than it, or the ones newer than it. */
  before?: string | null;
  after?: string | null;
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

/** An entry's place in the log's order, for the pager's URL: its time and id. */
export function auditCursor(entry: { at: string | Date; id: string }): string {
  return `${new Date(entry.at).toISOString()}_${entry.id}`;
}

function parseCursor(cursor: string | null | undefined): { at: Date; id: string } | null {
  const split = cursor?.indexOf("_") ?? -1;
  if (!cursor || split < 1 || split === cursor.length - 1) return null;
  const at = new Date(cursor.slice(0, split));
  // Only years PostgreSQL's timestamps and the app's dates both hold; anything else is no cursor.
  const year = at.getUTCFullYear();
  return year >= 1 && year <= 9999 ? { at, id: cursor.slice(split + 1) } : null;
}

/** `t`: an `audit` translator, the sentences' language. */
export async function listAuditEntries(
  view: AuditView | string,
  filters: AuditFilters = {},
  timeZone = "UTC",
  t: AuditTranslator = ENGLISH,
) {
  // A page number from the URL is user input: whole and at least 1; without a cursor small enough to skip to.
  const requested = Number.isSafeInteger(filters.page) ? (filters.page as number) : 1;
  const page = Math.max(1, requested);
  const where = await auditWhere(asView(view), filters, timeZone);
  const include = { actor: ACTOR } as const;
  const before = parseCursor(filters.before);
  const after = before ? null : parseCursor(filters.after);
  const take = AUDIT_PAGE_SIZE + 1;
  let shown: AuditRow[];
  let hasMore: boolean;
  let shownPage = page;
  // With a cursor each page is read from the index where the last one ended: as fast deep in the log as at its top.
  // The first condition bounds the index scan; the second steps over the cursor's own entry.
  const newerPage = after
    ? await db.auditLog.findMany({
        where: {
          AND: [where, { at: { gte: after.at } }, { OR: [{ at: { gt: after.at } }, { id: { gt: after.id } }] }],
        },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        take,
        include,
      })
    : [];
  if (before) {
    const rows = await db.auditLog.findMany({
      where: {
        AND: [where, { at: { lte: before.at } }, { OR: [{ at: { lt: before.at } }, { id: { lt: before.id } }] }],
      },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take,
      include,
    });
    shown = rows.slice(0, AUDIT_PAGE_SIZE);
    hasMore = rows.length > AUDIT_PAGE_SIZE;
    shownPage = Math.max(2, page);
  } else if (newerPage.length > AUDIT_PAGE_SIZE) {
    shown = newerPage.slice(0, AUDIT_PAGE_SIZE).reverse();
    // The cursor's own entry is older than these.
    hasMore = true;
    shownPage = Math.max(2, page);
  } else {
    // No cursor, or nothing newer than a page: pages by number from the newest entry.
    shownPage = after ? 1 : Math.min(page, MAX_AUDIT_PAGE);
    const rows = await db.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (shownPage - 1) * AUDIT_PAGE_SIZE,
      take,
      include,
    });
    shown = rows.slice(0, AUDIT_PAGE_SIZE);
    hasMore = rows.length > AUDIT_PAGE_SIZE;
  }
  return {
    entries: await inWords(shown, t),
    page: shownPage,
    hasMore,
    /** The pager's cursors: for the older page (when there is one) and the newer one (past the first). */
    older: hasMore && shown.length ? auditCursor(shown[shown.length - 1]) : null,
    newer: shownPage > 1 && shown.length ? auditCursor(shown[0]) : null,
  };
}

type AuditRow = Prisma.AuditLogGetPayload<{ include: { actor: typeof ACTOR } }>;

async function inWords(rows: AuditRow[], t: AuditTranslator): Promise<AuditEntryView[]> {
  const names = await objectNames(rows);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorName: actorName(r.actor, t),
    action: r.action,
    sentence: describeAuditEntry(
      {
        actorName: actorName(r.actor, t),
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
    include: { actor: ACTOR },
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
      select: { actor: { select: { id: true, ...ACTOR.select } } },
    }),
    db.auditLog.findMany({ where, distinct: ["objectType"], select: { objectType: true } }),
  ]);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  return {
    actions: actions.map((a) => ({ value: a.action, label: actionLabel(t, a.action) })).sort(byLabel),
    actors: actors
      .flatMap((a) => (a.actor ? [{ value: a.actor.id, label: actorName(a.actor, t)! }] : []))
      .sort(byLabel),
    objectTypes: objectTypes
      .map((o) => ({ value: o.objectType, label: objectTypeLabel(t, o.objectType) }))
      .sort(byLabel),
  };
}

export type AuditFilterOptions = Awaited<ReturnType<typeof auditFilterOptions>>;
