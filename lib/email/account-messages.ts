import "server-only";
import type { DbOrTx } from "@/db/client";
import { appUrl } from "@/lib/env";
import { enqueueEmail } from "./enqueue-email";
import { renderEmail } from "./render";

/** The password-reset link (issue 17): valid one hour, single use. Sent only when the email has an account. */
export async function enqueuePasswordResetEmail(db: DbOrTx, input: { to: string; link: string }): Promise<void> {
  const body = renderEmail({
    heading: "Reset your password",
    paragraphs: [
      "Someone asked to reset the password of your Service Contracts account. If it was you, choose a new password with the link below. The link works once and expires in one hour.",
    ],
    button: { label: "Choose a new password", href: input.link },
    footer: "If you did not ask for this, ignore this email: your password stays as it is. Do not forward this link.",
  });
  await enqueueEmail(db, { kind: "password_reset", to: input.to, subject: "Reset your Service Contracts password", ...body });
}

/** "Your password was changed": after a reset and after Change password. */
export async function enqueuePasswordChangedEmail(db: DbOrTx, input: { to: string; how: "reset" | "changed" }): Promise<void> {
  const body = renderEmail({
    heading: "Your password was changed",
    paragraphs: [
      input.how === "reset"
        ? "The password of your Service Contracts account was just reset with a link sent to this address. Every other session of your account was signed out."
        : "The password of your Service Contracts account was just changed from your profile. Every other session of your account was signed out.",
      "If this was not you, reset your password now and tell your account's administrator.",
    ],
    button: { label: "Reset my password", href: `${appUrl()}/forgot-password` },
  });
  await enqueueEmail(db, { kind: "password_changed", to: input.to, subject: "Your password was changed", ...body });
}
