// Plugsurfing's signed session events, as they arrive at POST /api/providers/plugsurfing/events: the signature
// checked, the body read for the session it is about. The documentation says only that events are HMAC-signed,
// sent once and never retried; the header and the body's shape are not published, so the signature is read as
// `X-Plugsurfing-Signature: sha256=<hex HMAC-SHA256 of the raw body>` (the prefix optional) and the body for a
// session id and a user id wherever the usual names put them. An event is a hint that a session moved: the
// session itself is read from the API, so polling stays the source of truth and a replayed event changes nothing.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const PLUGSURFING_SIGNATURE_HEADER = "x-plugsurfing-signature";

/** The hex HMAC-SHA256 of `body` under `secret`: what the header carries after `sha256=`. */
export function plugsurfingSignature(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

/** Whether `header` signs `body` under `secret`; compared in constant time. */
export function verifyPlugsurfingSignature(secret: string, header: string | null, body: string): boolean {
  const given = /^(?:sha256=)?([0-9a-f]{64})$/i.exec(header?.trim() ?? "")?.[1]?.toLowerCase();
  if (!given) return false;
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(plugsurfingSignature(secret, body), "hex"));
}

const id = z.union([z.string().trim().min(1).max(200), z.number().int()]).transform(String);
const nested = z.looseObject({ id: id.optional(), sessionId: id.optional(), userId: id.optional() });

const eventBody = z.looseObject({
  sessionId: id.optional(),
  userId: id.optional(),
  sessionStatus: z.string().max(50).optional(),
  session: nested.optional(),
  user: nested.optional(),
  data: z
    .looseObject({ sessionId: id.optional(), userId: id.optional(), sessionStatus: z.string().max(50).optional() })
    .optional(),
});

/** What an event says: the session it is about, and its user where it names one. */
export interface SessionEventHint {
  providerSessionId: string;
  providerUserId: string | null;
  status: string | null;
}

/** The hint of an event body; null when it names no session (an event of another kind). */
export function sessionEventHint(body: unknown): SessionEventHint | null {
  const parsed = eventBody.safeParse(body);
  if (!parsed.success) return null;
  const e = parsed.data;
  const sessionId = e.sessionId ?? e.session?.sessionId ?? e.session?.id ?? e.data?.sessionId;
  if (!sessionId) return null;
  return {
    providerSessionId: sessionId,
    providerUserId: e.userId ?? e.session?.userId ?? e.user?.id ?? e.data?.userId ?? null,
    status: e.sessionStatus ?? e.data?.sessionStatus ?? null,
  };
}

/** The event a body tells of, as the dashboard's session events are written (lib/sessions/session-events.ts). */
export function plugsurfingSessionEvent(body: unknown) {
  const hint = sessionEventHint(body);
  if (!hint) return null;
  return {
    provider: "PLUGSURFING" as const,
    providerSessionId: hint.providerSessionId,
    providerUserId: hint.providerUserId,
  };
}
