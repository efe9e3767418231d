// A fleet's webhook endpoints, managed by its admins: registered (the signing secret shown once), paused and resumed,
// removed, sent a test event; and the delivery log, where a failed delivery is replayed. Each change is audited in its
// own transaction.
import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError, text } from "@/lib/errors";
import { queueDelivery, storedEvent, type AttemptError } from "./deliver";
import { envelopeOf } from "./emit";
import { TEST_EVENT } from "./events";
import type { CreateWebhookInput } from "./schemas";
import { newWebhookSecret } from "./signature";
import { checkWebhookUrl } from "./target";

/** Endpoints per fleet: enough for every system a fleet runs beside this one. */
export const MAX_ENDPOINTS = 20;
/** Deliveries the log shows. */
export const LOG_SIZE = 50;

export interface WebhookSummary {
  id: string;
  url: string;
  description: string;
  events: string[];
  paused: boolean;
  createdAt: string;
  createdByName: string | null;
}

export type DeliveryState = "pending" | "retrying" | "delivered" | "failed";

export interface DeliverySummary {
  id: string;
  endpointId: string;
  endpointUrl: string;
  event: string;
  eventId: string;
  state: DeliveryState;
  attempts: number;
  lastStatusCode: number | null;
  lastError: AttemptError | null;
  createdAt: string;
  lastAttemptAt: string | null;
  replay: boolean;
}

function notFound(): never {
  throw new DomainError("NOT_FOUND", text("webhooks.notFound"));
}

export async function createWebhook(
  fleetId: string,
  creatorId: string,
  input: Omit<CreateWebhookInput, "fleetId">,
  actor: AuditActor,
) {
  const refused = checkWebhookUrl(input.url, env().WEBHOOK_PRIVATE_TARGETS);
  if (refused) {
    const words = text(`webhooks.url.${refused}`);
    throw new DomainError("VALIDATION", words, { url: [words] });
  }
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    if ((await tx.webhookEndpoint.count({ where: { fleetId } })) >= MAX_ENDPOINTS)
      throw new DomainError("CONFLICT", text("webhooks.tooMany", { max: MAX_ENDPOINTS }));
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        fleetId,
        url: input.url,
        description: input.description,
        events: input.events,
        secret,
        createdById: creatorId,
      },
    });
    await writeAudit(
      {
        ...actor,
        action: "webhooks.create",
        fleetId,
        objectType: "WebhookEndpoint",
        objectId: endpoint.id,
        after: { url: endpoint.url, events: endpoint.events },
      },
      tx,
    );
    return { id: endpoint.id, url: endpoint.url, secret };
  });
}

export async function listWebhooks(fleetId: string): Promise<WebhookSummary[]> {
  const rows = await db.webhookEndpoint.findMany({
    where: { fleetId },
    include: { createdBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    description: r.description,
    events: r.events,
    paused: r.pausedAt !== null,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdBy?.name ?? null,
  }));
}

export function deliveryState(d: { status: string; attempts: number }): DeliveryState {
  if (d.status === "DELIVERED") return "delivered";
  if (d.status === "FAILED") return "failed";
  return d.attempts > 0 ? "retrying" : "pending";
}

export async function listDeliveries(fleetId: string, endpointId?: string): Promise<DeliverySummary[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { fleetId, ...(endpointId ? { endpointId } : {}) },
    include: { endpoint: { select: { url: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LOG_SIZE,
  });
  return rows.map((r) => ({
    id: r.id,
    endpointId: r.endpointId,
    endpointUrl: r.endpoint.url,
    event: r.event,
    eventId: r.eventId,
    state: deliveryState(r),
    attempts: r.attempts,
    lastStatusCode: r.lastStatusCode,
    lastError: r.lastError as AttemptError | null,
    createdAt: r.createdAt.toISOString(),
    lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
    replay: r.replayOfId !== null,
  }));
}

export async function setWebhookPaused(fleetId: string, webhookId: string, paused: boolean, actor: AuditActor) {
  return db.$transaction(async (tx) => {
    const endpoint = (await tx.webhookEndpoint.findFirst({ where: { id: webhookId, fleetId } })) ?? notFound();
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { pausedAt: paused ? new Date() : null } });
    await writeAudit(
      {
        ...actor,
        action: paused ? "webhooks.pause" : "webhooks.resume",
        fleetId,
        objectType: "WebhookEndpoint",
        objectId: endpoint.id,
        before: { paused: endpoint.pausedAt !== null },
        after: { paused },
      },
      tx,
    );
    return { id: endpoint.id, paused };
  });
}

/** Removed with its delivery log. */
export async function deleteWebhook(fleetId: string, webhookId: string, actor: AuditActor) {
  return db.$transaction(async (tx) => {
    const endpoint = (await tx.webhookEndpoint.findFirst({ where: { id: webhookId, fleetId } })) ?? notFound();
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await writeAudit(
      {
        ...actor,
        action: "webhooks.delete",
        fleetId,
        objectType: "WebhookEndpoint",
        objectId: endpoint.id,
        before: { url: endpoint.url, events: endpoint.events },
      },
      tx,
    );
    return { id: endpoint.id };
  });
}

/** A "webhook.test" event to one endpoint, paused or not: what an admin sends to check the receiver. */
export async function sendTestWebhook(fleetId: string, webhookId: string, actor: AuditActor) {
  return db.$transaction(async (tx) => {
    const endpoint = (await tx.webhookEndpoint.findFirst({ where: { id: webhookId, fleetId } })) ?? notFound();
    const envelope = envelopeOf(fleetId, TEST_EVENT, { message: "A test event from the fleet charging dashboard." });
    const deliveryId = await queueDelivery(tx, endpoint.id, storedEvent(envelope));
    await writeAudit(
      { ...actor, action: "webhooks.test", fleetId, objectType: "WebhookEndpoint", objectId: endpoint.id },
      tx,
    );
    return { deliveryId };
  });
}

/** The same body (the same event id) once more, as a new delivery with attempts of its own. */
export async function replayDelivery(fleetId: string, deliveryId: string, actor: AuditActor) {
  return db.$transaction(async (tx) => {
    const delivery = (await tx.webhookDelivery.findFirst({ where: { id: deliveryId, fleetId } })) ?? notFound();
    const { fleetId: owner, eventId, event, body } = delivery;
    const replayId = await queueDelivery(
      tx,
      delivery.endpointId,
      { fleetId: owner, eventId, event, body },
      delivery.id,
    );
    await writeAudit(
      {
        ...actor,
        action: "webhooks.replay",
        fleetId,
        objectType: "WebhookEndpoint",
        objectId: delivery.endpointId,
        after: { event: delivery.event, eventId: delivery.eventId },
      },
      tx,
    );
    return { deliveryId: replayId };
  });
}
