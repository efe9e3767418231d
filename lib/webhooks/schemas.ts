// Inputs of the webhook forms and actions, shared by the browser and the server.
import { z } from "zod";
import { SCHEMA_MESSAGES as say } from "@/lib/validation/plain-errors";
import { WEBHOOK_EVENTS } from "./events";

const id = z.string().min(1).max(64);

export const createWebhookInput = z.object({
  fleetId: id,
  url: z.string().trim().min(1, say.webhookUrl).max(2000, say.webhookUrlLength).url(say.webhookUrl),
  description: z.string().trim().max(120).default(""),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, say.webhookEvents).max(WEBHOOK_EVENTS.length),
});
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

export const webhookInput = z.object({ fleetId: id, webhookId: id });

export const pauseWebhookInput = webhookInput.extend({ paused: z.boolean() });

export const replayDeliveryInput = z.object({ fleetId: id, deliveryId: id });
