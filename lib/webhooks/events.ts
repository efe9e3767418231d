// The events a fleet's webhooks can be sent, and the envelope every delivery's body is.
export const WEBHOOK_EVENTS = [
  "booking.status_changed",
  "booking.assigned",
  "session.started",
  "session.completed",
  "alert.raised",
  "key.disabled",
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Sent only when an admin asks for it, to see that an endpoint is reached and verifies the signature. */
export const TEST_EVENT = "webhook.test";

/** The JSON body of a delivery: the same bytes on every attempt and replay. */
export interface WebhookEnvelope<T extends object = object> {
  /** The event's id: a receiver that has seen it already drops it. */
  id: string;
  type: WebhookEvent | typeof TEST_EVENT;
  createdAt: string;
  fleetId: string;
  data: T;
}

/** An event's key among the messages (`fleets.webhooks.events`), which may not contain dots. */
export function eventMessageKey(event: string): string {
  return event.replaceAll(".", "_");
}
