"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requestPasswordReset, resetPassword, RESET_SENT_MESSAGE } from "@/lib/accounts/password-reset";
import { failure, type ActionResult } from "@/lib/action-result";
import { getLocale } from "@/lib/i18n/server";
import { localizeMessage } from "@/lib/message-keys";
import { kickOutbox } from "@/lib/email/outbox-sender";
import { formValues } from "@/lib/form-data";
import { requestInfo } from "@/lib/request-info";
import { assertSameOrigin } from "@/lib/session";

/**
 * "Forgot password?" (public: nobody is signed in). The same answer whether or not the email has an
 * account; the domain throttles per IP and per email.
 */
export async function requestPasswordResetAction(_previous: unknown, input: FormData): Promise<ActionResult<{ message: string }>> {
  try {
    await assertSameOrigin();
    await requestPasswordReset(await getDb(), formValues(input), requestInfo(await headers()));
  } catch (e) {
    return failure(e, await getLocale());
  }
  kickOutbox();
  return { ok: true, data: { message: localizeMessage(RESET_SENT_MESSAGE, await getLocale()) } };
}

/** The reset link's form (POST only: the page's GET never spends the link). Then sign in with the new password. */
export async function resetPasswordAction(_previous: unknown, input: FormData): Promise<ActionResult<never>> {
  try {
    await assertSameOrigin();
    await resetPassword(await getDb(), formValues(input), requestInfo(await headers()));
  } catch (e) {
    return failure(e, await getLocale());
  }
  kickOutbox();
  redirect("/sign-in?reset=done");
}
