import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { ProviderHealth } from "@/lib/providers/health";
import type { Language } from "@/lib/i18n/languages";
import { renderedText, withIntl } from "@/tests/support/intl";
import { ProviderHealthCard } from "./provider-health-card";

const idle: ProviderHealth = {
  provider: "DEPOTFINITY",
  name: "DepotFinity",
  mode: "sandbox",
  status: "idle",
  summary: "No requests in the last hour.",
  lastSuccessAt: null,
  lastError: null,
  requests: { attempts: 0, failed: 0, rateLimited: 0, errorRate: null, truncated: false },
  latencyMs: { p50: null, p95: null, answered: 0 },
  rateLimit: { limitedUntil: null, limitedNow: false, buckets: [] },
  quotas: [],
  budget: null,
  dropped: { count: 0, topPaths: [] },
  disabledFeatures: [],
};

const busy: ProviderHealth = {
  ...idle,
  provider: "PETITMONDE",
  name: "Petit Monde",
  mode: "live",
  status: "degraded",
  lastSuccessAt: "2026-11-21T09:59:00.000Z",
  lastError: {
    at: "2026-11-21T10:00:00.000Z",
    code: "UPSTREAM",
    status: 503,
    operation: "search",
    message: "Server error at the provider",
  },
  requests: { attempts: 1_200, failed: 60, rateLimited: 2, errorRate: 0.05, truncated: false },
  latencyMs: { p50: 120, p95: 1_450, answered: 1_140 },
  rateLimit: {
    limitedUntil: "2026-11-21T10:00:45.000Z",
    limitedNow: true,
    buckets: [{ name: "minute", burst: 10, intervalMs: 700, waitMs: 1_400, availableNow: 0 }],
  },
  quotas: [
    {
      window: "month",
      limit: 10_000,
      remaining: 2_500,
      used: 7_500,
      usedPercent: 75,
      resetAt: "2026-12-01T00:00:00.000Z",
      current: true,
      observedAt: "2026-11-21T10:00:00.000Z",
    },
  ],
  budget: {
    dayUsed: 180,
    dayAllowance: 323,
    monthUsed: 7_500,
    monthLimit: 10_000,
    room: { booking: 2_500, explicit: 78, browse: 0 },
    browsingPaused: true,
  },
  dropped: { count: 3, topPaths: [{ operation: "search", path: "results.*.evses.*.status", count: 3 }] },
  disabledFeatures: [{ feature: "usage", reason: "GET /usage answered 404", since: "2026-11-21T09:00:00.000Z" }],
};

const text = (health: ProviderHealth, language: Language = "en") =>
  renderedText(<ProviderHealthCard health={health} />, language, "UTC");

describe("ProviderHealthCard", () => {
  it("says plainly when nothing happened yet", () => {
    const shown = text(idle);
    for (const phrase of [
      "DepotFinity",
      "Sandbox",
      "No recent requests",
      "Last success None yet",
      "Last error None",
      "Requests, last hour None",
      "No answers yet",
      "Not rate limited",
      "No quota figures in its answers so far",
      "Features switched off None",
    ])
      expect(shown).toContain(phrase);
    expect(shown).not.toContain("Request budget");
  });

  it("shows the request budget, and says when browsing no longer asks the provider", () => {
    const shown = text(busy);
    for (const phrase of [
      "Request budget Today: 180 of 323 requests This month: 7,500 of 10,000 (75%)",
      "Browsing the map no longer asks this provider today: the rest is kept for searches with a time window (78 left today) and for bookings.",
    ])
      expect(shown).toContain(phrase);
    const roomy = text({
      ...busy,
      budget: { ...busy.budget!, browsingPaused: false, room: { booking: 2_500, explicit: 78, browse: 12 } },
    });
    expect(roomy).toContain("Browsing the map may use 12 more today, searches with a time window 78;");
    expect(text(busy, "de")).toContain("Diesen Monat: 7.500 von 10.000 (75 %)");
  });

  it("shows errors, rate limits, quota, dropped items and switched-off features", () => {
    const shown = text(busy);
    for (const phrase of [
      "Live API",
      "Degraded",
      "Server error at the provider (HTTP 503) during search",
      "1,200 attempts, 60 failed (5%)",
      "median 120 ms · 95th percentile 1,450 ms",
      "Rate limited until 21 Nov 2026, 10:00",
      "2 refused as too many in the last hour",
      "Per-minute budget: the next request waits 1.4 s (0 of 10 could go at once)",
      "Monthly quota: 7,500 of 10,000 used (75%) · resets 1 Dec 2026, 00:00",
      "3 left out for a field that did not match",
      "results.*.evses.*.status in search: 3",
      "usage : GET /usage answered 404",
    ])
      expect(shown).toContain(phrase);
    expect(renderToStaticMarkup(withIntl(<ProviderHealthCard health={idle} />))).toContain(
      'aria-labelledby="provider-health-depotfinity"',
    );
  });

  it("speaks German to a German reader", () => {
    expect(text(idle, "de")).toContain("Keine aktuellen Anfragen");
    const shown = text(busy, "de");
    for (const phrase of [
      "Live-API",
      "Beeinträchtigt",
      "Serverfehler beim Anbieter (HTTP 503) bei search",
      "1.200 Versuche, 60 fehlgeschlagen (5 %)",
      "Median 120 ms · 95. Perzentil 1.450 ms",
      "2 Anfragen in der letzten Stunde wegen Überlastung abgelehnt",
      "Budget pro Minute: Die nächste Anfrage wartet 1,4 s (0 von 10 könnten sofort gesendet werden)",
      "Monatskontingent: 7.500 von 10.000 genutzt (75 %)",
      "3 wegen eines unpassenden Felds ausgelassen",
      "results.*.evses.*.status bei search: 3",
      "Abgeschaltete Funktionen",
    ])
      expect(shown).toContain(phrase);
    expect(shown).not.toContain("Server error");
  });
});
