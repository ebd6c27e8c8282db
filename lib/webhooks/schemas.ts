import { z } from "zod";
import { hasNoNul } from "@/lib/no-nul";
import { webhookEventTypes } from "./events";
import { v } from "@/lib/message-keys";

/** Shared by the Add endpoint form (browser) and createWebhookEndpoint (server, which also checks the address). */
export const createWebhookEndpointSchema = z.object({
  url: z
    .string({ error: v("webhookUrlRequired") })
    .trim()
    .min(1, v("webhookUrlRequired"))
    .max(2000, v("webhookUrlTooLong"))
    .refine(hasNoNul, v("urlInvalid"))
    .refine((v) => URL.canParse(v), v("urlInvalidHttps")),
  eventTypes: z
    .array(z.enum(webhookEventTypes, { error: v("webhookEventsFromList") }), { error: v("webhookEventsRequired") })
    .min(1, v("webhookEventsRequired"))
    .transform((v) => [...new Set(v)]),
});

export const webhookEndpointRefSchema = z.object({ endpointId: z.uuid({ error: v("notFound") }) });
export const webhookDeliveryRefSchema = z.object({ deliveryId: z.uuid({ error: v("notFound") }) });
