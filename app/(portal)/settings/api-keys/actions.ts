"use server";

import { revalidatePath } from "next/cache";
import { requireManager } from "@/lib/accounts/roles";
import { defineAction } from "@/lib/actions/define-action";
import { createApiKey, revokeApiKey } from "@/lib/api/api-keys";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api/schemas";

// Owners and Admins manage their account's API keys; each function scopes to the caller's account.

/** Answers the full key, which is shown this once. */
export const createApiKeyAction = defineAction({
  input: createApiKeySchema,
  authorize: requireManager,
  run: async (db, viewer, input) => {
    const { key, prefix } = await createApiKey(db, viewer, input);
    return { key, prefix };
  },
  after: () => revalidatePath("/settings/api-keys"),
});

export const revokeApiKeyAction = defineAction({
  input: revokeApiKeySchema,
  authorize: requireManager,
  run: async (db, viewer, input) => void (await revokeApiKey(db, viewer, input)),
  after: () => revalidatePath("/settings/api-keys"),
});
