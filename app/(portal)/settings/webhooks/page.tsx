import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Webhooks } from "@/components/settings/webhooks";
import { getDb } from "@/db/client";
import { canManageAccount } from "@/lib/accounts/roles";
import { getT } from "@/lib/i18n/server";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { requireViewer } from "@/lib/session";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  enableWebhookEndpointAction,
  redeliverWebhookAction,
  sendTestWebhookAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("Settings"))("sections.webhooks") };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export default async function WebhooksPage() {
  const viewer = await requireViewer("/settings/webhooks");
  if (!canManageAccount(viewer)) notFound();
  const endpoints = await listWebhookEndpoints(await getDb(), viewer);
  return (
    <Webhooks
      endpoints={endpoints.map((e) => ({
        ...e,
        createdAt: e.createdAt.toISOString(),
        disabledAt: iso(e.disabledAt),
        failingSince: iso(e.failingSince),
        deliveries: e.deliveries.map((d) => ({ ...d, createdAt: d.createdAt.toISOString(), lastAttemptAt: iso(d.lastAttemptAt) })),
      }))}
      actions={{
        create: createWebhookEndpointAction,
        remove: deleteWebhookEndpointAction,
        enable: enableWebhookEndpointAction,
        sendTest: sendTestWebhookAction,
        redeliver: redeliverWebhookAction,
      }}
    />
  );
}
