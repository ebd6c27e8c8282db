/** The webhook event types an endpoint may subscribe to, and the audit event each one is sent for. */
export const webhookEventTypes = [
  "contract.created",
  "contract.emailed",
  "contract.opened",
  "contract.activated",
  "contract.rejected",
  "contract.terminated",
  "contract.expired",
  "contract.version_signed",
  "agreement.version_activated",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Audit event type (lib/audit/catalogue.ts) → webhook event type. */
export const webhookTypeOfAuditEvent: Record<string, WebhookEventType> = {
  "contract.created": "contract.created",
  "contract.link_emailed": "contract.emailed",
  // The first time a person opened the link (issue 18's beacon from the rendered page).
  "contract.opened": "contract.opened",
  "contract.activated": "contract.activated",
  "contract.rejected": "contract.rejected",
  "contract.terminated": "contract.terminated",
  // The contract reached its end date (issue 21's scheduler).
  "contract.expired": "contract.expired",
  "contract.version_signed": "contract.version_signed",
  "agreement.version_activated": "agreement.version_activated",
};

/** Sent by Send test event only. */
export const TEST_EVENT_TYPE = "webhook.test";
