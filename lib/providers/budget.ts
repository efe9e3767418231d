// A provider's request quota as a budget that every caller draws from, by priority.
//
// Petit Monde allows 10,000 requests a month per client: browsing a map can spend that in days. So each request
// is counted against the credential's month and its UTC day before it is sent, and a request is let through only
// while what has been spent stays under its priority's share:
//   - "booking": bookings, their reconciliation and sync — the whole month, no daily cap;
//   - "explicit": a search the user asked for (a time window, "reservable only") — 80 % of the month and of the
//     day's allowance;
//   - "browse": looking around the map — 30 % of each.
// The day's allowance is the month's limit spread over its days, so browsing cannot spend the month in a day.
// The provider's own X-RateLimit-Limit / -Remaining, where they describe the month, correct the month's count:
// another client of the same key, or a count lost with a database, is caught up with at the next answer. (The
// day counts what this app sent: a month's catch-up does not land on one day.)
//
// The count lives in PostgreSQL (one row per credential, one atomic statement per request), so every app
// instance draws from the same budget; an in-memory ledger serves tests and benchmarks.
import { AsyncLocalStorage } from "node:async_hooks";

export const REQUEST_PRIORITIES = ["booking", "explicit", "browse"] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

/** The share of the month (and of the day's allowance) each priority may spend, counting every priority's use. */
export const PRIORITY_SHARES: Record<RequestPriority, { month: number; day: number | null }> = {
  booking: { month: 1, day: null },
  explicit: { month: 0.8, day: 0.8 },
  // Browsing is what can wait: bookings and their follow-up keep most of the month (bench/quota.ts measures it).
  browse: { month: 0.3, day: 0.3 },
};

/** One credential's quota. */
export interface RequestBudget {
  /** Provider + credential fingerprint ("petitmonde:3fa2…"); the same on every instance, never a secret. */
  key: string;
  /** The documented monthly limit; the provider's own X-RateLimit-Limit replaces it once seen. */
  monthLimit: number;
}

/** What a credential has spent, as the ledger knows it. */
export interface BudgetUse {
  dayUsed: number;
  monthUsed: number;
  monthLimit: number;
  /** The day's allowance: the month's limit spread over the month's days. */
  dayAllowance: number;
}

export interface BudgetLedger {
  /** Counts one request at `priority`; false (and nothing counted) when its share is spent. */
  take(budget: RequestBudget, priority: RequestPriority): Promise<boolean>;
  /** The provider said how much of the month is left: the count catches up (it never goes back). */
  observe(budget: RequestBudget, quota: { limit?: number; remaining?: number }): Promise<void>;
  /** What each credential has spent this day and month. */
  read(budget: RequestBudget): Promise<BudgetUse>;
}

/** The day's allowance in a month of `daysInMonth` days. */
export function dayAllowance(monthLimit: number, daysInMonth: number): number {
  return Math.ceil(monthLimit / daysInMonth);
}

/** The most that may have been spent for a request at `priority` to go ahead (null: no cap). */
export function capsFor(priority: RequestPriority, monthLimit: number, daysInMonth: number) {
  const share = PRIORITY_SHARES[priority];
  return {
    month: Math.floor(monthLimit * share.month),
    day: share.day === null ? null : Math.floor(dayAllowance(monthLimit, daysInMonth) * share.day),
  };
}

/** How much each priority may still spend today (the least of its day and month room). */
export function roomLeft(use: BudgetUse, daysInMonth: number): Record<RequestPriority, number> {
  const room = {} as Record<RequestPriority, number>;
  for (const priority of REQUEST_PRIORITIES) {
    const caps = capsFor(priority, use.monthLimit, daysInMonth);
    const month = caps.month - use.monthUsed;
    const day = caps.day === null ? Infinity : caps.day - use.dayUsed;
    room[priority] = Math.max(0, Math.min(month, day));
  }
  return room;
}

function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function utcMonth(at: Date): string {
  return at.toISOString().slice(0, 7);
}

export function daysInUtcMonth(at: Date): number {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
}

// ---------------------------------------------------------------------------------------------------------------
// Who is asking: callers mark their work, the HTTP client reads the mark.

// One store per process, not per module copy: the provider facade is cached on globalThis (lib/providers/index.ts),
// so the HTTP client that reads the mark may come from another server bundle than the caller that set it.
const globalForBudget = globalThis as unknown as { requestPriorityScope?: AsyncLocalStorage<RequestPriority> };
const priorityScope = (globalForBudget.requestPriorityScope ??= new AsyncLocalStorage<RequestPriority>());

/** Runs `work` with every provider request it makes counted at `priority`. */
export function withRequestPriority<T>(priority: RequestPriority, work: () => T): T {
  return priorityScope.run(priority, work);
}

/**
 * The priority of the provider request about to be made. Work nobody marked counts as "booking": bookings,
 * reconciliation and sync run unmarked, and a request that matters is never refused for want of a mark.
 */
export function currentRequestPriority(): RequestPriority {
  return priorityScope.getStore() ?? "booking";
}

// ---------------------------------------------------------------------------------------------------------------
// Ledgers

interface Row {
  day: string;
  dayUsed: number;
  month: string;
  monthUsed: number;
  monthLimit: number | null;
}

/** One process only: tests and benchmarks. */
export class InMemoryBudgetLedger implements BudgetLedger {
  private readonly rows = new Map<string, Row>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  private current(budget: RequestBudget): Row {
    const at = this.now();
    const day = utcDay(at);
    const month = utcMonth(at);
    const row = this.rows.get(budget.key);
    const fresh: Row = {
      day,
      dayUsed: row && row.day === day ? row.dayUsed : 0,
      month,
      monthUsed: row && row.month === month ? row.monthUsed : 0,
      monthLimit: row?.monthLimit ?? null,
    };
    this.rows.set(budget.key, fresh);
    return fresh;
  }

  async take(budget: RequestBudget, priority: RequestPriority): Promise<boolean> {
    const row = this.current(budget);
    const caps = capsFor(priority, row.monthLimit ?? budget.monthLimit, daysInUtcMonth(this.now()));
    if (row.monthUsed >= caps.month || (caps.day !== null && row.dayUsed >= caps.day)) return false;
    row.dayUsed++;
    row.monthUsed++;
    return true;
  }

  async observe(budget: RequestBudget, quota: { limit?: number; remaining?: number }): Promise<void> {
    const row = this.current(budget);
    if (quota.limit !== undefined) row.monthLimit = quota.limit;
    if (quota.limit !== undefined && quota.remaining !== undefined) {
      row.monthUsed = Math.max(row.monthUsed, quota.limit - quota.remaining);
    }
  }

  async read(budget: RequestBudget): Promise<BudgetUse> {
    const row = this.current(budget);
    const monthLimit = row.monthLimit ?? budget.monthLimit;
    const allowance = dayAllowance(monthLimit, daysInUtcMonth(this.now()));
    return { dayUsed: row.dayUsed, monthUsed: row.monthUsed, monthLimit, dayAllowance: allowance };
  }
}

/** Something that runs one parameterised SQL statement (lib/providers/rate-limit.ts's pgRunner adapts a pool). */
export type BudgetSqlRunner = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

// The database's clock decides the day and month, so instances with skewed clocks count the same periods.
// A row whose day or month has passed counts from zero again. The WHERE of the upsert is the check: when the
// priority's share is spent, nothing is updated and nothing is returned.
const PERIOD = `(now() AT TIME ZONE 'UTC')`;
const TAKE_SQL = `
WITH p AS (
  SELECT ${PERIOD}::date AS day, to_char(${PERIOD}, 'YYYY-MM') AS month,
         extract(day FROM date_trunc('month', ${PERIOD}) + interval '1 month' - interval '1 day')::int AS days
)
INSERT INTO provider_request_budget AS b (key, day, "dayUsed", month, "monthUsed", "updatedAt")
SELECT $1, p.day, 1, p.month, 1, now() FROM p
WHERE 1 <= floor($2::int * $3::float8)
ON CONFLICT (key) DO UPDATE SET
  "dayUsed" = CASE WHEN b.day = EXCLUDED.day THEN b."dayUsed" ELSE 0 END + 1,
  "monthUsed" = CASE WHEN b.month = EXCLUDED.month THEN b."monthUsed" ELSE 0 END + 1,
  day = EXCLUDED.day,
  month = EXCLUDED.month,
  "updatedAt" = now()
WHERE (CASE WHEN b.month = EXCLUDED.month THEN b."monthUsed" ELSE 0 END)
        < floor(COALESCE(b."monthLimit", $2::int) * $3::float8)
  AND ($4::float8 IS NULL OR (CASE WHEN b.day = EXCLUDED.day THEN b."dayUsed" ELSE 0 END)
        < floor(ceil(COALESCE(b."monthLimit", $2::int)::float8 / (SELECT days FROM p)) * $4::float8))
RETURNING "monthUsed"`;

const OBSERVE_SQL = `
WITH p AS (SELECT ${PERIOD}::date AS day, to_char(${PERIOD}, 'YYYY-MM') AS month)
INSERT INTO provider_request_budget AS b (key, day, "dayUsed", month, "monthUsed", "monthLimit", "updatedAt")
SELECT $1, p.day, 0, p.month, GREATEST(COALESCE($3::int, 0), 0), $2::int, now() FROM p
ON CONFLICT (key) DO UPDATE SET
  "dayUsed" = CASE WHEN b.day = EXCLUDED.day THEN b."dayUsed" ELSE 0 END,
  "monthUsed" = GREATEST(CASE WHEN b.month = EXCLUDED.month THEN b."monthUsed" ELSE 0 END, COALESCE($3::int, 0)),
  "monthLimit" = COALESCE($2::int, b."monthLimit"),
  day = EXCLUDED.day,
  month = EXCLUDED.month,
  "updatedAt" = now()`;

const READ_SQL = `
WITH p AS (
  SELECT ${PERIOD}::date AS day, to_char(${PERIOD}, 'YYYY-MM') AS month,
         extract(day FROM date_trunc('month', ${PERIOD}) + interval '1 month' - interval '1 day')::int AS days
)
SELECT (SELECT days FROM p) AS days,
       CASE WHEN b.day = p.day THEN b."dayUsed" ELSE 0 END AS "dayUsed",
       CASE WHEN b.month = p.month THEN b."monthUsed" ELSE 0 END AS "monthUsed",
       b."monthLimit"
FROM p LEFT JOIN provider_request_budget b ON b.key = $1`;

/** Shared by every app instance on the same database (migration 20261201230000_provider_request_budget). */
export class PostgresBudgetLedger implements BudgetLedger {
  constructor(private readonly run: BudgetSqlRunner) {}

  async take(budget: RequestBudget, priority: RequestPriority): Promise<boolean> {
    const share = PRIORITY_SHARES[priority];
    const rows = await this.run(TAKE_SQL, [budget.key, budget.monthLimit, share.month, share.day]);
    return rows.length > 0;
  }

  async observe(budget: RequestBudget, quota: { limit?: number; remaining?: number }): Promise<void> {
    const spent =
      quota.limit !== undefined && quota.remaining !== undefined ? quota.limit - quota.remaining : undefined;
    if (quota.limit === undefined && spent === undefined) return;
    await this.run(OBSERVE_SQL, [budget.key, quota.limit ?? null, spent ?? null]);
  }

  async read(budget: RequestBudget): Promise<BudgetUse> {
    const [row] = await this.run(READ_SQL, [budget.key]);
    const monthLimit = row?.monthLimit == null ? budget.monthLimit : Number(row.monthLimit);
    return {
      dayUsed: Number(row?.dayUsed ?? 0),
      monthUsed: Number(row?.monthUsed ?? 0),
      monthLimit,
      dayAllowance: dayAllowance(monthLimit, Number(row?.days ?? 30)),
    };
  }
}

/**
 * Uses `primary` (the shared ledger) and, while the database is unreachable, `fallback` (in-process): a database
 * hiccup must not stop bookings, and browsing stays within this process's share meanwhile.
 */
export function budgetWithFallback(
  primary: BudgetLedger,
  fallback: BudgetLedger,
  onError: (error: unknown) => void = () => {},
): BudgetLedger {
  async function either<T>(call: (ledger: BudgetLedger) => Promise<T>): Promise<T> {
    try {
      return await call(primary);
    } catch (error) {
      onError(error);
      return call(fallback);
    }
  }
  return {
    take: (budget, priority) => either((ledger) => ledger.take(budget, priority)),
    observe: (budget, quota) => either((ledger) => ledger.observe(budget, quota)),
    read: (budget) => either((ledger) => ledger.read(budget)),
  };
}
