// GET /api/metrics: the Prometheus metrics of this instance, for a scraper holding METRICS_TOKEN.
import { register, tagEndpoint } from "@/lib/actions/registry";
import { HTTP_STATUS, toFailure, type ActionFailure } from "@/lib/actions/errors";
import { bearerToken, tokenMatches } from "@/lib/auth/bearer-token";
import { env } from "@/lib/env";
import { readerFailureWords } from "@/lib/i18n/failure-words";
import { readQueueStats } from "@/lib/jobs/queue-stats";
import { metricsText, setQueueStatsSource } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

/** Not in the browser's read contract (lib/api/contract.ts): only a scraper reads it. */
const METRICS_ENDPOINT = "metrics.scrape";
register({ name: METRICS_ENDPOINT, kind: "token-route", roles: [], mutation: false });

setQueueStatsSource(readQueueStats);

function failure(error: ActionFailure, headers?: HeadersInit): Response {
  return Response.json({ error }, { status: HTTP_STATUS[error.code], headers });
}

/** Deny by default: 404 while no token is configured, 401 for a missing or wrong one. */
export const GET = tagEndpoint(METRICS_ENDPOINT, async function getMetricsRoute(request: Request) {
  const words = await readerFailureWords();
  try {
    const expected = env().METRICS_TOKEN;
    if (!expected) return failure({ code: "NOT_FOUND", message: words.errors("metrics.notFound") });
    const given = bearerToken(request);
    if (given === undefined || !tokenMatches(given, expected)) {
      return failure(
        { code: "UNAUTHENTICATED", message: words.errors("metrics.tokenRejected") },
        { "WWW-Authenticate": "Bearer" },
      );
    }
    const { body, contentType } = await metricsText();
    return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
  } catch (error) {
    return failure(toFailure(error, METRICS_ENDPOINT, words));
  }
});
