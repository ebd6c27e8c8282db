import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/no-nul";
import { v } from "@/lib/message-keys";

export const apiKeyScopes = ["read", "write"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];
export const apiKeyScopeLabels: Record<ApiKeyScope, string> = { read: "Read", write: "Read and write" };

/** Shared by the Create API key form (browser) and createApiKey (server). */
export const createApiKeySchema = z.object({
  name: z
    .string({ error: v("nameRequired") })
    .trim()
    .min(1, v("nameRequired"))
    .max(100, v("nameTooLong100"))
    .refine(hasNoNul, NUL_MESSAGE),
  scope: z.enum(apiKeyScopes, { error: v("apiKeyScopeRequired") }),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.uuid({ error: v("notFound") }) });
