// The price check: per operator, the fleet's sessions in a period whose final price (VAT included) differs from
// the estimate their booking was made at by more than a threshold, with counts, sums per currency and the largest
// differences. A session without a booking, or whose booking had no estimate, has no estimate to compare: it is
// counted as such, never as a difference. Prices in two currencies are never compared.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { periodInZone } from "./period";
import { exceedsThreshold, priceDifference, type PriceThreshold } from "./price-threshold";

type Raw = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

/** A session over the threshold, beside its booking's estimate; amounts in minor units of `currency`. */
export interface PriceDifferenceRow {
  sessionId: string;
  bookingId: string;
  operator: string;
  chargerName: string | null;
  startTime: string;
  currency: string;
  estimateMinor: number;
  finalMinor: number;
  differenceMinor: number;
  /** Of the estimate; null for an estimate of zero. */
  percent: number | null;
  energyWh: number | null;
}

export interface OperatorPriceDifferences {
  operator: string;
  /** Sessions with a final price and their booking's estimate in the same currency. */
  compared: number;
  /** Of those, the ones over the threshold. */
  over: number;
  /** Sessions with a final price and no estimate known: no booking, or a booking made without one. */
  withoutEstimate: number;
  /** Sessions whose final price is in another currency than their estimate. */
  otherCurrency: number;
  /** The sessions over the threshold added up, per currency. */
  sums: Array<{
    currency: string;
    sessions: number;
    estimateMinor: number;
    finalMinor: number;
    differenceMinor: number;
  }>;
}

export interface PriceDifferenceReport {
  period: { from: string; to: string; timeZone: string };
  threshold: PriceThreshold;
  operators: OperatorPriceDifferences[];
  /** Every session over the threshold, the largest share of its estimate first. */
  rows: PriceDifferenceRow[];
}

/** Largest first: by share of the estimate (an estimate of zero first), then by amount. */
function largestFirst(a: PriceDifferenceRow, b: PriceDifferenceRow): number {
  const share = (r: PriceDifferenceRow) => (r.percent === null ? Number.POSITIVE_INFINITY : Math.abs(r.percent));
  return share(b) - share(a) || Math.abs(b.differenceMinor) - Math.abs(a.differenceMinor);
}

/**
 * The estimate shown when the booking was made, as its charger snapshot keeps it: Booking.priceMinor starts as
 * that estimate but takes the provider's final price once the booking completes.
 */
const ESTIMATE = Prisma.sql`(b."locationSnapshot"->>'estimateMinor')::int`;
const OPERATOR = Prisma.sql`COALESCE(NULLIF(s."operatorName", ''), b."locationSnapshot"->>'operatorName')`;

export async function priceDifferences(
  raw: Raw,
  input: { fleetId: string; from: string; to: string; timeZone: string; threshold: PriceThreshold },
  unknownOperator = "Unknown operator",
): Promise<PriceDifferenceReport> {
  const period = periodInZone(input.from, input.to, input.timeZone);
  const inPeriod = Prisma.sql`s."fleetId" = ${input.fleetId} AND s."startTime" >= ${period.start}
    AND s."startTime" < ${period.end} AND s."priceInclVatMinor" IS NOT NULL AND s.currency IS NOT NULL`;
  const [booked, unknown] = await Promise.all([
    raw.$queryRaw<
      Array<{
        session_id: string;
        booking_id: string;
        operator: string | null;
        charger_name: string | null;
        start_time: Date;
        energy_wh: number | null;
        final_minor: number;
        final_currency: string;
        estimate_minor: number;
        estimate_currency: string | null;
      }>
    >(Prisma.sql`
      SELECT s.id AS session_id, b.id AS booking_id, ${OPERATOR} AS operator,
             COALESCE(s."chargerName", b."locationSnapshot"->>'name') AS charger_name, s."startTime" AS start_time,
             s."energyWh" AS energy_wh, s."priceInclVatMinor" AS final_minor, upper(s.currency) AS final_currency,
             ${ESTIMATE} AS estimate_minor, upper(b."locationSnapshot"->>'currency') AS estimate_currency
      FROM "ChargingSession" s
      JOIN "Booking" b ON b.id = s."bookingId" AND b."fleetId" = s."fleetId"
      WHERE ${inPeriod} AND ${ESTIMATE} IS NOT NULL`),
    raw.$queryRaw<Array<{ operator: string | null; sessions: bigint }>>(Prisma.sql`
      SELECT ${OPERATOR} AS operator, count(*) AS sessions
      FROM "ChargingSession" s
      LEFT JOIN "Booking" b ON b.id = s."bookingId" AND b."fleetId" = s."fleetId"
      WHERE ${inPeriod} AND ${ESTIMATE} IS NULL
      GROUP BY 1`),
  ]);

  const operators = new Map<string, OperatorPriceDifferences>();
  const of = (name: string | null) => {
    const operator = name || unknownOperator;
    let entry = operators.get(operator);
    if (!entry) {
      entry = { operator, compared: 0, over: 0, withoutEstimate: 0, otherCurrency: 0, sums: [] };
      operators.set(operator, entry);
    }
    return entry;
  };
  const rows: PriceDifferenceRow[] = [];
  for (const r of booked) {
    const entry = of(r.operator);
    // An estimate without a currency is taken to be in the session's: the provider priced both.
    if (r.estimate_currency !== null && r.estimate_currency !== r.final_currency) {
      entry.otherCurrency += 1;
      continue;
    }
    entry.compared += 1;
    if (!exceedsThreshold(r.estimate_minor, r.final_minor, r.final_currency, input.threshold)) continue;
    entry.over += 1;
    const { differenceMinor, percent } = priceDifference(r.estimate_minor, r.final_minor);
    let sum = entry.sums.find((s) => s.currency === r.final_currency);
    if (!sum) {
      sum = { currency: r.final_currency, sessions: 0, estimateMinor: 0, finalMinor: 0, differenceMinor: 0 };
      entry.sums.push(sum);
    }
    sum.sessions += 1;
    sum.estimateMinor += r.estimate_minor;
    sum.finalMinor += r.final_minor;
    sum.differenceMinor += differenceMinor;
    rows.push({
      sessionId: r.session_id,
      bookingId: r.booking_id,
      operator: entry.operator,
      chargerName: r.charger_name,
      startTime: r.start_time.toISOString(),
      currency: r.final_currency,
      estimateMinor: r.estimate_minor,
      finalMinor: r.final_minor,
      differenceMinor,
      percent,
      energyWh: r.energy_wh,
    });
  }
  for (const r of unknown) of(r.operator).withoutEstimate += Number(r.sessions);
  for (const entry of operators.values()) entry.sums.sort((a, b) => a.currency.localeCompare(b.currency));

  return {
    period: { from: input.from, to: input.to, timeZone: input.timeZone },
    threshold: input.threshold,
    // The operators with the most sessions over the threshold first, then by name.
    operators: [...operators.values()].sort((a, b) => b.over - a.over || a.operator.localeCompare(b.operator)),
    rows: rows.sort(largestFirst),
  };
}

/** The report for the fleet the page is titled for. */
export function buildPriceDifferenceReport(
  input: { fleetId: string; from: string; to: string; timeZone: string; threshold: PriceThreshold },
  unknownOperator?: string,
) {
  return priceDifferences(db, input, unknownOperator);
}
