// The wizard's answers to "which charge points are free in this window", kept a few minutes per fleet so that
// the server's check of the one the dispatcher then picks asks the provider nothing. The facts kept are the
// provider's own, given to this server minutes before (never what the browser sent); whether the window is
// still free is for the provider to say when booking. Petit Monde's 10,000 requests a month are the reason.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { logWithRequestId } from "@/lib/observability/request-scope";
import type { BookableEvse, BookableLocation } from "./chargers";
import type { BookableProvider } from "./schemas";

/** How long a window answer serves the check: a dispatcher picks from what the wizard shows within minutes. */
export const WINDOW_ANSWER_TTL_MS = 15 * 60_000;

/** Which fleet asked which provider about which window. */
export interface WindowQuestion {
  fleetId: string;
  provider: BookableProvider;
  window: { start: Date; end: Date };
}

export interface WindowAnswers {
  /** Keeps what a search around `circle` answered for the window. */
  remember(
    question: WindowQuestion & { circle: { latitude: number; longitude: number; radiusKm: number } },
    locations: BookableLocation[],
  ): Promise<void>;
  /** The charge point as a kept answer of this fleet, provider and window lists it, or null. */
  find(question: WindowQuestion & { locationId: string; evseUid: string }): Promise<BookableEvse | null>;
}

/** Every kept answer of one fleet, provider and window is keyed from this (the fleet is the session's, never input). */
function prefixOf(question: WindowQuestion): string {
  const { fleetId, provider, window } = question;
  return `window:${fleetId}:${provider}:${window.start.toISOString()}/${window.end.toISOString()}:`;
}

function evseIn(locations: BookableLocation[], locationId: string, evseUid: string): BookableEvse | null {
  return locations.find((l) => l.locationId === locationId)?.evses.find((e) => e.evseUid === evseUid) ?? null;
}

/** One process's memory, on a clock of its own: tests and the quota bench. */
export class InMemoryWindowAnswers implements WindowAnswers {
  private readonly answers = new Map<string, { locations: BookableLocation[]; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async remember(
    question: WindowQuestion & { circle: { latitude: number; longitude: number; radiusKm: number } },
    locations: BookableLocation[],
  ): Promise<void> {
    const { latitude, longitude, radiusKm } = question.circle;
    this.answers.set(`${prefixOf(question)}${latitude},${longitude},${radiusKm}`, { locations, at: this.now() });
  }

  async find(question: WindowQuestion & { locationId: string; evseUid: string }): Promise<BookableEvse | null> {
    const prefix = prefixOf(question);
    for (const [key, answer] of this.answers) {
      if (!key.startsWith(prefix) || this.now() - answer.at >= WINDOW_ANSWER_TTL_MS) continue;
      const evse = evseIn(answer.locations, question.locationId, question.evseUid);
      if (evse) return evse;
    }
    return null;
  }
}

/** Every this many answers kept, those past their lifetime are deleted. */
const PRUNE_EVERY = 50;

/**
 * In PostgreSQL, so every instance checks against what any of them answered. A database that fails here costs
 * a provider request, never the booking.
 */
export class PostgresWindowAnswers implements WindowAnswers {
  private writes = 0;

  async remember(
    question: WindowQuestion & { circle: { latitude: number; longitude: number; radiusKm: number } },
    locations: BookableLocation[],
  ): Promise<void> {
    const { latitude, longitude, radiusKm } = question.circle;
    const key = `${prefixOf(question)}${latitude.toFixed(5)},${longitude.toFixed(5)},${radiusKm}`;
    const row = {
      fleetId: question.fleetId,
      provider: question.provider,
      windowStart: question.window.start,
      windowEnd: question.window.end,
      locations: locations as unknown as Prisma.InputJsonValue,
      fetchedAt: new Date(),
    };
    try {
      await db.providerWindowAnswer.upsert({ where: { key }, create: { key, ...row }, update: row });
      if (++this.writes % PRUNE_EVERY === 0)
        await db.providerWindowAnswer.deleteMany({
          where: { fetchedAt: { lt: new Date(Date.now() - WINDOW_ANSWER_TTL_MS) } },
        });
    } catch (error) {
      logWithRequestId("warn", { event: "bookings.window_answer_failed", err: error }, "window answer not kept");
    }
  }

  async find(question: WindowQuestion & { locationId: string; evseUid: string }): Promise<BookableEvse | null> {
    // JSONB containment finds the answer that lists this charge point, however many this fleet has kept.
    const wanted = JSON.stringify([{ locationId: question.locationId, evses: [{ evseUid: question.evseUid }] }]);
    try {
      const rows = await db.$queryRaw<Array<{ locations: BookableLocation[] }>>(Prisma.sql`
        SELECT locations FROM provider_window_answer
        WHERE "fleetId" = ${question.fleetId} AND provider = ${question.provider}
          AND "windowStart" = ${question.window.start} AND "windowEnd" = ${question.window.end}
          AND "fetchedAt" > ${new Date(Date.now() - WINDOW_ANSWER_TTL_MS)}
          AND locations @> ${wanted}::jsonb
        ORDER BY "fetchedAt" DESC
        LIMIT 1`);
      return rows[0] ? evseIn(rows[0].locations, question.locationId, question.evseUid) : null;
    } catch (error) {
      logWithRequestId("warn", { event: "bookings.window_answer_failed", err: error }, "window answer not read");
      return null;
    }
  }
}

const globalForAnswers = globalThis as unknown as { windowAnswers?: WindowAnswers };

/** One per process. */
export function windowAnswers(): WindowAnswers {
  return (globalForAnswers.windowAnswers ??= new PostgresWindowAnswers());
}
