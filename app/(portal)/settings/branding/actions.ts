"use server";

import { revalidatePath } from "next/cache";
import { removeLogo, updateBranding } from "@/lib/accounts/branding";
import { requireManager } from "@/lib/accounts/roles";
import { brandingSchema, noInputSchema } from "@/lib/accounts/security-schemas";
import { defineAction } from "@/lib/actions/define-action";

/** Owners and Admins: the accent colour and, when chosen, a new logo (checked by the domain). */
export const updateBrandingAction = defineAction({
  input: brandingSchema,
  authorize: requireManager,
  run: (db, viewer, input) => updateBranding(db, viewer, input),
  after: () => revalidatePath("/settings/branding"),
});

export const removeLogoAction = defineAction({
  input: noInputSchema,
  authorize: requireManager,
  run: (db, viewer) => removeLogo(db, viewer),
  after: () => revalidatePath("/settings/branding"),
});
