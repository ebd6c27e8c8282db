import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiKeys } from "@/components/settings/api-keys";
import { getDb } from "@/db/client";
import { canManageAccount } from "@/lib/accounts/roles";
import { listApiKeys } from "@/lib/api/api-keys";
import { getT } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/session";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("Settings"))("sections.apiKeys") };
}

export default async function ApiKeysPage() {
  const viewer = await requireViewer("/settings/api-keys");
  if (!canManageAccount(viewer)) notFound();
  const keys = await listApiKeys(await getDb(), viewer);
  return (
    <ApiKeys
      keys={keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null }))}
      actions={{ create: createApiKeyAction, revoke: revokeApiKeyAction }}
    />
  );
}
