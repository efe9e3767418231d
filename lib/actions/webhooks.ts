"use server";
// Webhook actions for fleet admins: register (the signing secret is shown once), list with the delivery log, pause
// and resume, remove, send a test event, replay a delivery.
import { fleetAction } from "@/lib/actions/safe-action";
import { fleetScopedInput } from "@/lib/fleets/schemas";
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  replayDelivery,
  sendTestWebhook,
  setWebhookPaused,
} from "@/lib/webhooks/webhooks";
import { createWebhookInput, pauseWebhookInput, replayDeliveryInput, webhookInput } from "@/lib/webhooks/schemas";

export const createWebhookAction = fleetAction({
  name: "webhooks.create",
  input: createWebhookInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, user, actor }) {
    const { fleetId: _fleet, ...rest } = input;
    return createWebhook(fleetId, user.id, rest, await actor());
  },
});

export const listWebhooksAction = fleetAction({
  name: "webhooks.list",
  input: fleetScopedInput,
  roles: ["ADMIN"],
  mutation: false,
  async run({ fleetId }) {
    const [webhooks, deliveries] = await Promise.all([listWebhooks(fleetId), listDeliveries(fleetId)]);
    return { webhooks, deliveries };
  },
});

export const pauseWebhookAction = fleetAction({
  name: "webhooks.pause",
  input: pauseWebhookInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    return setWebhookPaused(fleetId, input.webhookId, input.paused, await actor());
  },
});

export const deleteWebhookAction = fleetAction({
  name: "webhooks.delete",
  input: webhookInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    return deleteWebhook(fleetId, input.webhookId, await actor());
  },
});

export const testWebhookAction = fleetAction({
  name: "webhooks.test",
  input: webhookInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    return sendTestWebhook(fleetId, input.webhookId, await actor());
  },
});

export const replayDeliveryAction = fleetAction({
  name: "webhooks.replay",
  input: replayDeliveryInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    return replayDelivery(fleetId, input.deliveryId, await actor());
  },
});
