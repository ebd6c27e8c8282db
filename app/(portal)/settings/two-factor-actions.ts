"use server";

import { requireManager } from "@/lib/accounts/roles";
import { requireTwoFactorSchema } from "@/lib/accounts/security-schemas";
import { setRequireTwoFactor } from "@/lib/accounts/two-factor";
import { defineAction } from "@/lib/actions/define-action";

/** Owners and Admins: require two-factor sign-in of every user of the account (Settings → Account). */
export const setRequireTwoFactorAction = defineAction({
  input: requireTwoFactorSchema,
  authorize: requireManager,
  run: (db, viewer, input) => setRequireTwoFactor(db, viewer, input),
});
