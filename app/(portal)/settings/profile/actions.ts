"use server";

import { changePassword } from "@/lib/accounts/change-password";
import { changePasswordSchema, confirmTwoFactorSchema, disableTwoFactorSchema, noInputSchema } from "@/lib/accounts/security-schemas";
import { cancelTwoFactorSetup, confirmTwoFactor, disableTwoFactor, startTwoFactorSetup } from "@/lib/accounts/two-factor";
import { anyViewer, defineAction } from "@/lib/actions/define-action";
import { v } from "@/lib/message-keys";
import { ACTIVATION_SIGN_IN_PROVIDER, issueSignInTicket } from "@/lib/activation/sign-in-ticket";
import { signIn } from "@/lib/auth";
import { kickOutbox } from "@/lib/email/outbox-sender";

// Your profile: each acts on the caller's own credentials only, so Read-only members may use them too.

/**
 * Change password: every other session ends (the session version is bumped); this one is issued again
 * with the new version from an in-process ticket, so the user stays signed in here.
 */
export const changePasswordAction = defineAction({
  input: changePasswordSchema,
  authorize: anyViewer,
  allowReadOnly: true,
  run: async (db, viewer, input) => {
    const { userId } = await changePassword(db, viewer, input);
    await signIn(ACTIVATION_SIGN_IN_PROVIDER, { ticket: issueSignInTicket(userId), redirect: false });
  },
  after: () => kickOutbox(),
});

export const startTwoFactorAction = defineAction({
  input: noInputSchema,
  authorize: anyViewer,
  allowReadOnly: true,
  run: (db, viewer) => startTwoFactorSetup(db, viewer),
});

export const cancelTwoFactorAction = defineAction({
  input: noInputSchema,
  authorize: anyViewer,
  allowReadOnly: true,
  run: (db, viewer) => cancelTwoFactorSetup(db, viewer),
});

/** Confirms the app with a code; answers the ten recovery codes, shown once. */
export const confirmTwoFactorAction = defineAction({
  input: confirmTwoFactorSchema,
  authorize: anyViewer,
  allowReadOnly: true,
  run: (db, viewer, input) => confirmTwoFactor(db, viewer, input),
});

export const disableTwoFactorAction = defineAction({
  input: disableTwoFactorSchema,
  authorize: anyViewer,
  allowReadOnly: true,
  run: (db, viewer, input) => disableTwoFactor(db, viewer, input),
  invalidMessage: v("codeOrPasswordRequired"),
});
