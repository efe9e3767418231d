// POST /api/providers/plugsurfing/events: Plugsurfing's signed session events (lib/providers/plugsurfing/events.ts).
// Deny by default: 404 while no secret is configured, 401 for a signature that does not hold (counted per address,
// 429 once too many), 400 for a body that names no session. A good event is queued and answered 202 at once: the
// provider sends it once and waits for nobody.
import { register, tagEndpoint } from "@/lib/actions/registry";
import { HTTP_STATUS, toFailure, type ActionFailure } from "@/lib/actions/errors";
import { env } from "@/lib/env";
import { requestAddress } from "@/lib/http/request-address";
import { readerFailureWords } from "@/lib/i18n/failure-words";
import {
  PLUGSURFING_SIGNATURE_HEADER,
  plugsurfingSessionEvent,
  verifyPlugsurfingSignature,
} from "@/lib/providers/plugsurfing/events";
import { TooManyAttemptsError, assertNotBlocked, recordFailure } from "@/lib/rate-limit";
import { queueSessionEvent } from "@/lib/sessions/session-events";

export const dynamic = "force-dynamic";

/**
 * Open to the provider's signature only. It changes nothing but the dashboard's copy of the provider's own
 * sessions, which a poll writes too, unaudited, so it is no mutation of the fleet's.
 */
const EVENTS_ENDPOINT = "providers.plugsurfing-events";
register({ name: EVENTS_ENDPOINT, kind: "token-route", roles: [], mutation: false });

/** The largest body read: a session event is a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;

function failure(error: ActionFailure, headers?: HeadersInit): Response {
  return Response.json({ error }, { status: HTTP_STATUS[error.code], headers });
}

export const POST = tagEndpoint(EVENTS_ENDPOINT, async function plugsurfingEvents(request: Request) {
  const words = await readerFailureWords();
  try {
    const secret = env().PLUGSURFING_WEBHOOK_SECRET;
    if (!secret) return failure({ code: "NOT_FOUND", message: words.errors("providerEvents.notFound") });
    const address = (await requestAddress()) ?? "unknown";
    const limits: Array<["providerEventsPerIp", string]> = [["providerEventsPerIp", address]];
    await assertNotBlocked(limits);
    const body = await request.text();
    const signed =
      body.length <= MAX_BODY_BYTES &&
      verifyPlugsurfingSignature(secret, request.headers.get(PLUGSURFING_SIGNATURE_HEADER), body);
    if (!signed) {
      await recordFailure(limits);
      return failure({ code: "UNAUTHENTICATED", message: words.errors("providerEvents.signatureRejected") });
    }
    let json: unknown = null;
    try {
      json = JSON.parse(body);
    } catch {
      // A signed body that is no JSON names no session.
    }
    const event = plugsurfingSessionEvent(json);
    if (!event) return failure({ code: "VALIDATION", message: words.errors("providerEvents.notAnEvent") });
    await queueSessionEvent(event);
    return Response.json({ accepted: true }, { status: 202 });
  } catch (error) {
    if (error instanceof TooManyAttemptsError)
      return failure(
        { code: "RATE_LIMITED", message: words.errors("providerEvents.tooMany", { seconds: error.retryAfterSeconds }) },
        { "Retry-After": String(error.retryAfterSeconds) },
      );
    return failure(toFailure(error, EVENTS_ENDPOINT, words));
  }
});
