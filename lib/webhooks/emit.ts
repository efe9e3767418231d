// Telling a fleet's webhooks what happened: one delivery row and one delivery job per subscribed endpoint, both
// written in the transaction of the change itself. A change that commits has its deliveries; one rolled back has
// none; nothing between the two can lose an event or send one that did not happen.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { WebhookEnvelope, WebhookEvent } from "./events";
import { queueDelivery, storedEvent } from "./deliver";

export interface EmittedEvent<T extends object> {
  fleetId: string;
  event: WebhookEvent;
  data: T;
  at?: Date;
}

/** Returns how many deliveries it queued: none where no endpoint of the fleet takes the event. */
export async function emitWebhook<T extends object>(tx: Prisma.TransactionClient, emitted: EmittedEvent<T>) {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { fleetId: emitted.fleetId, pausedAt: null, events: { has: emitted.event } },
    select: { id: true },
  });
  if (endpoints.length === 0) return 0;
  const event = storedEvent(envelopeOf(emitted.fleetId, emitted.event, emitted.data, emitted.at));
  for (const endpoint of endpoints) await queueDelivery(tx, endpoint.id, event);
  return endpoints.length;
}

export function envelopeOf<T extends object>(
  fleetId: string,
  type: WebhookEnvelope["type"],
  data: T,
  at = new Date(),
): WebhookEnvelope<T> {
  return { id: `evt_${randomUUID()}`, type, createdAt: at.toISOString(), fleetId, data };
}

/** For a booking's event: its fleet's endpoints found through the booking, in one query. */
export async function emitBookingWebhook<T extends object>(
  tx: Prisma.TransactionClient,
  bookingId: string,
  event: WebhookEvent,
  data: T,
): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { pausedAt: null, events: { has: event }, fleet: { bookings: { some: { id: bookingId } } } },
    select: { id: true, fleetId: true },
  });
  if (endpoints.length === 0) return 0;
  const stored = storedEvent(envelopeOf(endpoints[0].fleetId, event, { bookingId, ...data }));
  for (const endpoint of endpoints) await queueDelivery(tx, endpoint.id, stored);
  return endpoints.length;
}
