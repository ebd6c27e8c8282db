import { z } from "zod";
import { hasNoNul } from "@/lib/no-nul";
import { webhookEventTypes } from "./events";

/** Shared by the Add endpoint form (browser) and createWebhookEndpoint (server, which also checks the address). */
export const createWebhookEndpointSchema = z.object({
  url: z
    .string({ error: "Enter the endpoint's URL." })
    .trim()
    .min(1, "Enter the endpoint's URL.")
    .max(2000, "The URL can be at most 2,000 characters.")
    .refine(hasNoNul, "Enter a valid URL.")
    .refine((v) => URL.canParse(v), "Enter a valid URL, starting with https://."),
  eventTypes: z
    .array(z.enum(webhookEventTypes, { error: "Choose events from the list." }), { error: "Choose at least one event." })
    .min(1, "Choose at least one event.")
    .transform((v) => [...new Set(v)]),
});

export const webhookEndpointRefSchema = z.object({ endpointId: z.uuid({ error: "Not found." }) });
export const webhookDeliveryRefSchema = z.object({ deliveryId: z.uuid({ error: "Not found." }) });
