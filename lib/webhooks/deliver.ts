// Sending one delivery: a POST of its body, signed, to its endpoint, on the job queue. A 2xx answer delivers it;
// anything else is tried again with back-off (pg-boss: 30 s, 1 min, 2 min … doubling, 10 attempts over about four
// hours), then it is FAILED and waits for an admin's replay. The row holds the truth (attempts, the last answer),
// so a job run twice, or run after a replay, never sends what is already delivered.
import "server-only";
import http from "node:http";
import https from "node:https";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { defineJob, enqueueInTransaction } from "@/lib/jobs/queue";
import type { WebhookEnvelope } from "./events";
import { SIGNATURE_HEADER, signWebhook } from "./signature";
import { BlockedTargetError, checkWebhookUrl, pinnedLookup, type PrivateTargetPolicy } from "./target";

export const WEBHOOK_DELIVERY_JOB = "webhooks.deliver";
export const MAX_ATTEMPTS = 10;
const RETRY: { retryLimit: number; retryDelay: number; retryBackoff: boolean } = {
  retryLimit: MAX_ATTEMPTS - 1,
  retryDelay: 30,
  retryBackoff: true,
};
const TIMEOUT_MS = 10_000;

/** Why an attempt failed, as the delivery log puts it into words. */
export type AttemptError = "http" | "timeout" | "refused" | "dns" | "blocked" | "tls" | "network" | "paused";

export type AttemptResult = { ok: true; status: number } | { ok: false; error: AttemptError; status?: number };

/** What a delivery sends: the envelope's JSON, kept as bytes so that every attempt and replay sends the same. */
export interface StoredEvent {
  fleetId: string;
  eventId: string;
  event: string;
  body: string;
}

export function storedEvent(envelope: WebhookEnvelope): StoredEvent {
  return { fleetId: envelope.fleetId, eventId: envelope.id, event: envelope.type, body: JSON.stringify(envelope) };
}

/** Stores the delivery and its job in the caller's transaction. */
export async function queueDelivery(
  tx: Prisma.TransactionClient,
  endpointId: string,
  event: StoredEvent,
  replayOfId?: string,
): Promise<string> {
  const delivery = await tx.webhookDelivery.create({
    data: { endpointId, ...event, replayOfId: replayOfId ?? null },
    select: { id: true },
  });
  await enqueueInTransaction(tx, WEBHOOK_DELIVERY_JOB, { deliveryId: delivery.id }, RETRY);
  return delivery.id;
}

/** One POST: the answer's status, or what kept it from coming. Never throws. */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  policy: PrivateTargetPolicy,
): Promise<AttemptResult> {
  if (checkWebhookUrl(url, policy)) return Promise.resolve({ ok: false, error: "blocked" });
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
        lookup: pinnedLookup(policy) as never,
        timeout: TIMEOUT_MS,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.resume(); // the answer's body is not kept: it is the receiver's business
        response.on("end", () =>
          resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, error: "http", status }),
        );
        response.on("error", () => resolve({ ok: false, error: "network", status }));
      },
    );
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ ok: false, error: errorKind(error) }));
    request.end(body);
  });
}

function errorKind(error: NodeJS.ErrnoException): AttemptError {
  if (error instanceof BlockedTargetError) return "blocked";
  if (error.message === "timeout" || error.code === "ETIMEDOUT") return "timeout";
  if (error.code === "ECONNREFUSED" || error.code === "ECONNRESET") return "refused";
  if (error.code === "ENOTFOUND" || error.code === "EAI_AGAIN") return "dns";
  if (error.code?.startsWith("ERR_TLS") || error.code?.includes("CERT")) return "tls";
  return "network";
}

/** Thrown to have the job queue try the delivery again later. */
export class DeliveryRetry extends Error {}

export type DeliveryOutcome = "delivered" | "retrying" | "failed" | "skipped";

export async function deliverWebhook(deliveryId: string, now = () => new Date()): Promise<DeliveryOutcome> {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { endpoint: true } });
  if (!delivery || delivery.status !== "PENDING") return "skipped";
  const result: AttemptResult = delivery.endpoint.pausedAt
    ? { ok: false, error: "paused" }
    : await postWebhook(
        delivery.endpoint.url,
        delivery.body,
        {
          "User-Agent": "FleetCharging-Webhooks/1",
          "X-Fleet-Event": delivery.event,
          "X-Fleet-Delivery": delivery.id,
          [SIGNATURE_HEADER]: signWebhook(delivery.endpoint.secret, delivery.body, now()),
        },
        env().WEBHOOK_PRIVATE_TARGETS,
      );
  const attempts = delivery.attempts + 1;
  // A paused endpoint or a refused address will not change by waiting: failed now, replayed when it is fixed.
  const final = result.ok || attempts >= MAX_ATTEMPTS || result.error === "paused" || result.error === "blocked";
  const status = result.ok ? "DELIVERED" : final ? "FAILED" : "PENDING";
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: delivery.id, status: "PENDING", attempts: delivery.attempts },
    data: {
      status,
      attempts,
      lastAttemptAt: now(),
      lastStatusCode: result.status ?? null,
      lastError: result.ok ? null : result.error,
      deliveredAt: result.ok ? now() : null,
    },
  });
  if (count === 0) return "skipped"; // another run of the same delivery recorded its attempt first
  if (status === "PENDING")
    throw new DeliveryRetry(`webhook delivery ${delivery.id}: ${result.ok ? "" : result.error}`);
  return result.ok ? "delivered" : "failed";
}

export const webhookDeliveryJob = defineJob<{ deliveryId: string }>({
  name: WEBHOOK_DELIVERY_JOB,
  pollingIntervalSeconds: 1,
  handle: async ({ deliveryId }) => ({ outcome: await deliverWebhook(deliveryId) }),
});
