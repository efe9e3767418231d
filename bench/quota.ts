// A month of a 50-vehicle fleet against the sandbox, on a simulated clock: what it spends of each provider's
// requests. Three dispatchers browse the map two hours a day (two app instances, one shared search cache), 60
// bookings a day (a third at Petit Monde's public chargers, the rest at the fleet's DepotFinity depots), the
// reconciler and the session sync at the app's own cadences. The app's real search, caches, budget, limiter and
// provider adapters make every request; the sandbox answers them (its per-minute limit raised, since the month
// runs in minutes: the simulated minutes are counted against Petit Monde's 100 instead).
import { rmSync } from "node:fs";
import path from "node:path";
import { startSandbox } from "@/sandbox/server";
import { NEAR_WINDOW_SECONDS, reconcileEverySeconds } from "@/lib/bookings/reconcile-cadence";
import type { BookingStatus, ProviderName } from "@/lib/domain";
import { createProviders } from "@/lib/providers/create-providers";
import { sandboxConfigAt } from "@/lib/providers/testing/sandbox-config";
import { InMemoryBudgetLedger, withRequestPriority } from "@/lib/providers/budget";
import { InMemoryRateLimiter } from "@/lib/providers/rate-limit";
import { PETITMONDE_MONTHLY_QUOTA } from "@/lib/providers/petitmonde/client";
import type { OpenBookingRef } from "@/lib/providers/types";
import { TtlLruCache } from "@/lib/search/cache";
import { EMPTY_FILTERS, type ChargerFilters } from "@/lib/search/filters";
import { searchChargers, type SearchAdapter } from "@/lib/search/search-chargers";
import { InMemorySharedSearchCache, type CachedAnswer } from "@/lib/search/shared-cache";
import { snapBBox } from "@/lib/search/viewport";
import { SESSION_SYNC_MINUTES } from "@/lib/sessions/sync-cadence";
import { searchBookableChargers, type ChargerLookup } from "@/lib/bookings/chargers";
import { bookingProvidersFrom } from "@/lib/bookings/providers";
import { withProviderFacts } from "@/lib/bookings/verify-charger";
import { InMemoryWindowAnswers } from "@/lib/bookings/window-answers";

/** A shorter month while working on the simulation: BENCH_QUOTA_DAYS=3 npm run bench -- quota. */
const DAYS = Number(process.env.BENCH_QUOTA_DAYS ?? 31);
const DISPATCHERS = 3;
const BROWSING_HOURS = 2;
/** A dispatcher moves the map (pans, zooms, opens another area) this often while browsing. */
const VIEW_EVERY_S = 20;
const BOOKINGS_PER_DAY = 60;
const PETIT_MONDE_SHARE = 1 / 3;
/** Of the viewports: this share with "Available now" on, and this share followed by Refresh availability. */
const AVAILABLE_NOW_SHARE = 0.1;
const REFRESH_SHARE = 0.01;

/** Where a Berlin fleet looks: its depots, its customers' sites, the city centre. */
const PLACES = [
  [52.47, 13.4],
  [52.52, 13.405],
  [52.51, 13.39],
  [52.45, 13.3],
  [52.54, 13.35],
  [52.49, 13.46],
  [52.56, 13.29],
  [52.43, 13.53],
  [52.4, 13.07],
  [52.53, 13.6],
  [52.58, 13.42],
  [52.5, 13.28],
] as const;

/** A deterministic random sequence, so two runs simulate the same month. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const MONTH_MS = DAYS * 86_400_000;
/** The fleet that books (the bench keeps no database: it only names whose window answers are whose). */
const FLEET = "bench-fleet";

type Purpose = "browse" | "bookings" | "reconcile" | "sessions";

export async function run(): Promise<Record<string, number>> {
  const dataDir = path.resolve(`.test-data/bench-quota-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const sandbox = await startSandbox({
    port: 0,
    dataDir,
    timeScale: 0,
    rateLimits: {
      petitMondePerMinute: 1_000_000,
      petitMondePerMonth: 1_000_000_000,
      plugsurfingPerMinute: 1_000_000,
      plugsurfingPerDay: 1_000_000_000,
    },
  });
  const admin = (body: unknown) =>
    fetch(`${sandbox.url}/_sandbox/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  try {
    // The month starts at the sandbox's next UTC month; the sandbox's clock follows the simulation's.
    const { nowMs } = (await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as { nowMs: number };
    const start = Date.UTC(new Date(nowMs).getUTCFullYear(), new Date(nowMs).getUTCMonth() + 1, 1);
    let now = start;
    let sandboxAt = nowMs;
    const clock = () => now;
    // Calls made together (a search's circles) move the sandbox's clock once: the step is taken before waiting.
    let advancing = Promise.resolve();
    const syncSandbox = () => {
      if (now > sandboxAt) {
        const step = now - sandboxAt;
        sandboxAt = now;
        advancing = advancing.then(async () => {
          await admin({ timeScale: 0, advanceMs: step });
        });
      }
      return advancing;
    };

    // Every request the adapters send, by provider, with its simulated time and status.
    const sent: Array<{ provider: ProviderName; at: number; status: number; purpose: Purpose }> = [];
    let purpose: Purpose = "browse";
    const providerOf = (url: string): ProviderName | null =>
      url.includes("/petitmonde/")
        ? "PETITMONDE"
        : url.includes("/plugsurfing/")
          ? "PLUGSURFING"
          : url.includes("/depotfinity")
            ? "DEPOTFINITY"
            : null;
    const countingFetch: typeof fetch = async (input, init) => {
      await syncSandbox();
      const response = await fetch(input, init);
      const provider = providerOf(String(input instanceof Request ? input.url : input));
      if (provider) sent.push({ provider, at: now, status: response.status, purpose });
      return response;
    };
    const config = sandboxConfigAt(sandbox.url);
    // One limiter and one budget, as the app's PostgreSQL ones are shared by its instances; both on the
    // simulated clock (a limiter's wait moves the clock on).
    const providers = createProviders(config, {
      fetch: countingFetch,
      limiter: new InMemoryRateLimiter(clock, async (ms) => {
        now += ms;
      }),
      budgetLedger: new InMemoryBudgetLedger(() => new Date(now)),
    });
    const adapters = providers.with("search") as SearchAdapter[];
    const petitMonde = providers.get("PETITMONDE");
    // The booking wizard's and the submission's own functions, with the window answers they keep in memory.
    const bookingPorts = bookingProvidersFrom(providers);
    const lookup: ChargerLookup = {
      fleetChargers: async () => [],
      windowAnswers: new InMemoryWindowAnswers(clock),
    };
    const sharedCache = new InMemorySharedSearchCache(clock);
    const instances = [0, 1].map(() => new TtlLruCache<CachedAnswer>(500, 45_000, clock));

    // ---- What happens when, over the month --------------------------------------------------------------
    type Event = { at: number; run: () => Promise<void> };
    const events: Event[] = [];
    const rnd = random(2026);
    const day = (d: number, hours: number) => start + d * 86_400_000 + hours * 3_600_000;

    let browsed = 0;
    let keptForBookings = 0;
    for (let d = 0; d < DAYS; d++) {
      for (let dispatcher = 0; dispatcher < DISPATCHERS; dispatcher++) {
        // Two hours a day in two sittings, between 07:00 and 17:00.
        for (const sitting of [7 + rnd() * 3, 12 + rnd() * 4]) {
          const from = day(d, sitting);
          for (let t = 0; t < (BROWSING_HOURS / 2) * 3600; t += VIEW_EVERY_S) {
            const [lat, lng] = PLACES[Math.floor(rnd() * PLACES.length)];
            const zoom = 12 + Math.floor(rnd() * 3);
            const half = 180 / 2 ** zoom; // a 1280-px-wide map at this zoom spans about 2 × half degrees
            const pan = () => (rnd() - 0.5) * half;
            const centre = { latitude: lat + pan() / 2, longitude: lng + pan() };
            const filters: ChargerFilters =
              rnd() < AVAILABLE_NOW_SHARE ? { ...EMPTY_FILTERS, availableNow: true } : EMPTY_FILTERS;
            const refresh = rnd() < REFRESH_SHARE;
            const cache = instances[dispatcher === 2 ? 1 : 0];
            events.push({
              at: from + t * 1000,
              run: async () => {
                purpose = "browse";
                const bbox = snapBBox({
                  west: centre.longitude - half,
                  east: centre.longitude + half,
                  south: centre.latitude - half / 2,
                  north: centre.latitude + half / 2,
                });
                const result = await searchChargers(bbox, filters, {
                  adapters,
                  cache,
                  sharedCache,
                  now: clock,
                  refresh,
                });
                browsed++;
                if (result.providers.some((p) => p.status === "quota")) keptForBookings++;
              },
            });
          }
        }
      }
      // Bookings: made between 06:00 and 18:00 for a window 1 to 12 hours ahead.
      const atPetitMonde = Math.round(BOOKINGS_PER_DAY * PETIT_MONDE_SHARE);
      for (let b = 0; b < atPetitMonde; b++) {
        const madeAt = day(d, 6 + rnd() * 12);
        const [lat, lng] = PLACES[Math.floor(rnd() * PLACES.length)];
        const lead = (1 + rnd() * 11) * 3_600_000;
        events.push({ at: madeAt, run: () => book(lat, lng, madeAt + lead) });
      }
    }
    events.sort((a, b) => a.at - b.at);

    // ---- Bookings, as the wizard and the submission make them ---------------------------------------------
    const open = new Map<string, OpenBookingRef>();
    let booked = 0;
    let searchesKept = 0;
    const refused = new Map<string, number>();
    async function book(lat: number, lng: number, windowStart: number): Promise<void> {
      purpose = "bookings";
      const window = { start: new Date(windowStart), end: new Date(windowStart + 3_600_000) };
      // The wizard's search for a free charge point in the window (a search the user asked for) ...
      const found = await withRequestPriority("explicit", () =>
        searchBookableChargers(
          bookingPorts,
          { fleetId: FLEET, provider: "PETITMONDE", latitude: lat, longitude: lng, radiusKm: 3, window, limit: 30 },
          lookup,
        ),
      ).catch((error: unknown) => {
        if ((error as { code?: string }).code !== "QUOTA_KEPT") throw error;
        searchesKept++;
        return [];
      });
      // The dispatcher picks one of the nearest few (not always the first: other bookings took some).
      const location = found[Math.floor(rnd() * Math.min(found.length, 5))];
      const evse = location?.evses[Math.floor(rnd() * (location?.evses.length ?? 0))];
      if (!location || !evse) return;
      // ... the server's check of the charge point the browser sent, as the submission makes it, and the booking.
      const request = await withProviderFacts(
        bookingPorts,
        FLEET,
        {
          provider: "PETITMONDE",
          locationId: evse.locationId,
          evseUid: evse.evseUid,
          connectorId: evse.connectorId,
          charger: evse.charger,
          windowStart: window.start.toISOString(),
          windowEnd: window.end.toISOString(),
          tokenStrategy: "AD_HOC",
        },
        lookup,
      ).catch(() => null);
      if (!request) return;
      const created = await petitMonde
        .createBooking({
          externalId: `bench-${booked}-${windowStart}`,
          locationId: request.locationId,
          evseUid: request.evseUid,
          connectorId: request.connectorId,
          windowStart: window.start,
          windowEnd: window.end,
          token: { strategy: "AD_HOC" },
        })
        .catch((error: unknown) => {
          const code = String((error as { code?: string }).code ?? "unknown");
          refused.set(code, (refused.get(code) ?? 0) + 1);
          return null;
        });
      if (!created) return;
      booked++;
      open.set(created.id, {
        providerBookingId: created.id,
        status: created.status,
        createdAt: new Date(now),
        windowStart: window.start,
        windowEnd: window.end,
        locationId: request.locationId,
        evseUid: request.evseUid,
        connectorId: request.connectorId ?? null,
      });
    }

    // ---- The background jobs, at the app's cadences ----------------------------------------------------------
    const WAITING: BookingStatus[] = ["SUBMITTING", "REQUESTED", "PENDING"];
    let lastReconcile = -Infinity;
    /** The reconciler's cadence for the open bookings at `at`, as reconcileTick counts them. */
    const reconcileEvery = (at: number) => {
      const refs = [...open.values()];
      const waitingAgesSeconds = refs
        .filter((b) => WAITING.includes(b.status))
        .map((b) => (at - b.createdAt.getTime()) / 1000);
      const near = refs.filter(
        (b) =>
          b.windowStart.getTime() <= at + NEAR_WINDOW_SECONDS * 1000 &&
          b.windowEnd.getTime() >= at - NEAR_WINDOW_SECONDS * 1000,
      ).length;
      return reconcileEverySeconds({ waitingAgesSeconds, near }) * 1000;
    };
    // The sync job runs every few minutes; Petit Monde's pass only when its own interval has passed.
    const sessionSyncEvery = Math.max(SESSION_SYNC_MINUTES, petitMonde.incrementalSyncMinutes ?? 0) * 60_000;
    let lastSessionSync = -Infinity;
    let lastFullResyncDay = -1;
    async function jobsUntil(until: number): Promise<void> {
      // The reconciler's tick runs every 5 s; it calls the provider only when its cadence's turn has come.
      for (let tick = Math.max(now, lastReconcile); tick <= until; tick += 5_000) {
        const next = nextJobAt(tick, until);
        if (next === null) break;
        tick = next;
        now = Math.max(now, tick);
        await dueJobs();
      }
      now = Math.max(now, until);
    }
    /** The first moment from `from` to `until` at which a job is due, or null. */
    function nextJobAt(from: number, until: number): number | null {
      const candidates: number[] = [];
      if (open.size) candidates.push(lastReconcile + reconcileEvery(from));
      candidates.push(lastSessionSync + sessionSyncEvery);
      const at = Math.max(from, Math.min(...candidates));
      return at <= until ? at : null;
    }
    async function dueJobs(): Promise<void> {
      const refs = [...open.values()];
      if (refs.length && now - lastReconcile >= reconcileEvery(now)) {
        lastReconcile = now;
        purpose = "reconcile";
        const { reports } = await petitMonde
          .refresh(refs, { now: new Date(now) })
          .catch(() => ({ reports: new Map() }));
        for (const [id, report] of reports) {
          const ref = open.get(id);
          if (!ref) continue;
          if (["COMPLETED", "EXPIRED", "NO_SHOW", "CANCELLED", "FAILED"].includes(report.status)) open.delete(id);
          else ref.status = report.status;
        }
      }
      if (now - lastSessionSync >= sessionSyncEvery) {
        lastSessionSync = now;
        purpose = "sessions";
        const today = Math.floor((now - start) / 86_400_000);
        const full = today !== lastFullResyncDay && new Date(now).getUTCHours() >= 3;
        if (full) lastFullResyncDay = today;
        await petitMonde
          .completedSessions({ since: new Date(full ? now - 30 * 86_400_000 : now - 86_400_000) })
          .catch(() => undefined);
      }
    }

    const started = performance.now();
    for (const event of events) {
      await jobsUntil(event.at);
      await event.run();
    }
    await jobsUntil(start + MONTH_MS);
    const simulateMs = performance.now() - started;
    if (refused.size) console.log("  Petit Monde bookings refused, by error:", Object.fromEntries(refused));

    // ---- What it cost ------------------------------------------------------------------------------------
    const inMonth = sent.filter((r) => r.at < start + MONTH_MS);
    const count = (provider: ProviderName) => inMonth.filter((r) => r.provider === provider).length;
    const perMinute = new Map<number, number>();
    for (const r of inMonth.filter((x) => x.provider === "PETITMONDE")) {
      const minute = Math.floor(r.at / 60_000);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
    const petitMondeRequests = count("PETITMONDE");
    const petitMondeFor = (p: Purpose) => inMonth.filter((r) => r.provider === "PETITMONDE" && r.purpose === p).length;
    return {
      "quota.petitMondeRequests": petitMondeRequests,
      "quota.petitMondeShareOfMonth": Math.round((petitMondeRequests / PETITMONDE_MONTHLY_QUOTA) * 1000) / 10,
      "quota.petitMondeBrowsing": petitMondeFor("browse"),
      "quota.petitMondeBookingRequests": petitMondeFor("bookings"),
      "quota.petitMondeReconciling": petitMondeFor("reconcile"),
      "quota.petitMondeSessionSync": petitMondeFor("sessions"),
      "quota.petitMondeBusiestMinute": Math.max(0, ...perMinute.values()),
      "quota.plugsurfingRequests": count("PLUGSURFING"),
      "quota.depotfinityRequests": count("DEPOTFINITY"),
      "quota.rateLimited": inMonth.filter((r) => r.status === 429).length,
      "quota.viewports": browsed,
      "quota.viewportsKeptForBookings": keptForBookings,
      "quota.petitMondeBookings": booked,
      "quota.bookingSearchesKept": searchesKept,
      "quota.simulateMs": Math.round(simulateMs),
    };
  } finally {
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
