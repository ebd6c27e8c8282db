import "server-only";
import type { DbOrTx } from "@/db/client";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { enqueueEmail } from "./enqueue-email";
import { emailT, localeOfUser } from "./locale";
import { renderEmail } from "./render";

/**
 * The password-reset link (issue 17): valid one hour, single use. Sent only when the email has an account,
 * in that user's language (users.locale, else English).
 */
export async function enqueuePasswordResetEmail(db: DbOrTx, input: { to: string; link: string; locale?: Locale }): Promise<void> {
  const t = emailT(input.locale ?? (await localeOfUser(db, input.to)));
  const body = renderEmail({
    heading: t("passwordReset.heading"),
    paragraphs: [t("passwordReset.body")],
    button: { label: t("passwordReset.button"), href: input.link },
    pasteLabel: t("pasteLink"),
    footer: t("passwordReset.footer"),
  });
  await enqueueEmail(db, { kind: "password_reset", to: input.to, subject: t("passwordReset.subject"), ...body });
}

/** "Your password was changed": after a reset and after Change password, in the user's language. */
export async function enqueuePasswordChangedEmail(
  db: DbOrTx,
  input: { to: string; how: "reset" | "changed"; locale?: Locale },
): Promise<void> {
  const t = emailT(input.locale ?? (await localeOfUser(db, input.to)));
  const body = renderEmail({
    heading: t("passwordChanged.heading"),
    paragraphs: [input.how === "reset" ? t("passwordChanged.reset") : t("passwordChanged.changed"), t("passwordChanged.notYou")],
    button: { label: t("passwordChanged.button"), href: `${appUrl()}/forgot-password` },
    pasteLabel: t("pasteLink"),
  });
  await enqueueEmail(db, { kind: "password_changed", to: input.to, subject: t("passwordChanged.heading"), ...body });
}
