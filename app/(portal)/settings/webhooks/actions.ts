"use server";

import { revalidatePath } from "next/cache";
import { requireManager } from "@/lib/accounts/roles";
import { defineAction } from "@/lib/actions/define-action";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  enableWebhookEndpoint,
  redeliverWebhook,
  sendTestEvent,
} from "@/lib/webhooks/endpoints";
import { createWebhookEndpointSchema, webhookDeliveryRefSchema, webhookEndpointRefSchema } from "@/lib/webhooks/schemas";
import { sendWebhooksSoon } from "@/lib/webhooks/send-soon";

// Owners and Admins manage their account's webhook endpoints; each function scopes to the caller's account.

const refresh = () => revalidatePath("/settings/webhooks");

/** Answers the signing secret, which is shown this once. */
export const createWebhookEndpointAction = defineAction({
  input: createWebhookEndpointSchema,
  authorize: requireManager,
  run: async (db, viewer, input) => ({ secret: (await createWebhookEndpoint(db, viewer, input)).secret }),
  after: refresh,
});

export const deleteWebhookEndpointAction = defineAction({
  input: webhookEndpointRefSchema,
  authorize: requireManager,
  run: async (db, viewer, input) => void (await deleteWebhookEndpoint(db, viewer, input)),
  after: refresh,
});

export const enableWebhookEndpointAction = defineAction({
  input: webhookEndpointRefSchema,
  authorize: requireManager,
  run: async (db, viewer, input) => void (await enableWebhookEndpoint(db, viewer, input)),
  after: refresh,
});

export const sendTestWebhookAction = defineAction({
  input: webhookEndpointRefSchema,
  authorize: requireManager,
  run: (db, viewer, input) => sendTestEvent(db, viewer, input),
  after: () => {
    sendWebhooksSoon();
    refresh();
  },
});

export const redeliverWebhookAction = defineAction({
  input: webhookDeliveryRefSchema,
  authorize: requireManager,
  run: (db, viewer, input) => redeliverWebhook(db, viewer, input),
  after: () => {
    sendWebhooksSoon();
    refresh();
  },
});
