import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/no-nul";

export const apiKeyScopes = ["read", "write"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];
export const apiKeyScopeLabels: Record<ApiKeyScope, string> = { read: "Read", write: "Read and write" };

/** Shared by the Create API key form (browser) and createApiKey (server). */
export const createApiKeySchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name.")
    .max(100, "The name can be at most 100 characters.")
    .refine(hasNoNul, NUL_MESSAGE),
  scope: z.enum(apiKeyScopes, { error: "Choose the key's scope." }),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.uuid({ error: "Not found." }) });
