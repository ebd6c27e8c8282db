"use server";

import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { fieldErrorsOf } from "@/lib/action-result";
import { signInSchema } from "@/lib/accounts/schemas";
import { authenticate } from "@/lib/accounts/authenticate";
import { completeTwoFactorSignIn, issuePendingTicket } from "@/lib/accounts/two-factor";
import { ACTIVATION_SIGN_IN_PROVIDER, issueSignInTicket } from "@/lib/activation/sign-in-ticket";
import { requestInfo } from "@/lib/request-info";
import { signIn, signOut } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { errorKey } from "@/lib/message-keys";
import { formDataOf } from "@/lib/form-data";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { applyUserLocaleCookie } from "@/lib/settings/user-locale";
import { ACCOUNT_COOKIE, assertSameOrigin, requireActionViewer } from "@/lib/session";

export type SignInState = {
  error?: string;
  fieldErrors?: Record<string, string>;
  email?: string;
  /** Set after a correct password when the user has two-factor sign-in: the form then asks for the code. */
  ticket?: string;
};

const INVALID = errorKey("signInWrong");
const LIMITED = errorKey("tooManySignIns15");

/**
 * Sign-in, in one or two steps. The password is checked (and throttled) by lib/accounts/authenticate.ts;
 * a user with two-factor sign-in then gets a short-lived signed ticket instead of a session, and the same
 * form posts it back with their code (lib/accounts/two-factor.ts, throttled with the same counters).
 * The session itself is made by Auth.js from an in-process ticket that never reaches the browser.
 */
export async function signInAction(_prev: SignInState, sent: FormData): Promise<SignInState> {
  const formData = formDataOf(sent);
  try {
    await assertSameOrigin();
  } catch (e) {
    return { error: isAppError(e) ? e.inLocale(await getLocale()).message : INVALID };
  }
  const raw = { email: formData.get("email"), password: formData.get("password") };
  const email = typeof raw.email === "string" ? raw.email.slice(0, 254) : "";
  const db = await getDb();
  const who = requestInfo(await headers());
  let userId: string;
  if (formData.get("step") === "code") {
    const ticket = formData.get("ticket");
    try {
      userId = (await completeTwoFactorSignIn(db, { ticket, code: formData.get("code") ?? "" }, who)).id;
    } catch (e) {
      if (!isAppError(e)) throw e;
      // An expired or forged ticket goes back to the password; a wrong code stays on the code step.
      const { message, fieldErrors } = e.inLocale(await getLocale());
      if (e.code === "expired" || typeof ticket !== "string") return { error: message, email };
      return { error: message, fieldErrors, email, ticket };
    }
  } else {
    const parsed = signInSchema.safeParse(raw);
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), email };
    const result = await authenticate(db, { ...parsed.data, ...who });
    if (result.status === "rate_limited") return { error: LIMITED, email };
    if (result.status !== "ok") return { error: INVALID, email };
    if (result.user.twoFactor) return { ticket: issuePendingTicket(result.user), email };
    userId = result.user.id;
  }
  try {
    await signIn(ACTIVATION_SIGN_IN_PROVIDER, { ticket: issueSignInTicket(userId), redirect: false });
  } catch (e) {
    if (e instanceof AuthError) return { error: INVALID, email };
    throw e;
  }
  (await cookies()).delete(ACCOUNT_COOKIE);
  // The user's language setting follows them to this device (or the browser decides when they have none).
  await applyUserLocaleCookie(db, userId);
  redirect(safeCallbackUrl(formData.get("callbackUrl")));
}

export async function signOutAction(): Promise<void> {
  await assertSameOrigin();
  (await cookies()).delete(ACCOUNT_COOKIE);
  await signOut({ redirectTo: "/sign-in" });
}

/** Ends every session of this user, this one included (SECURITY.md 13). */
export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await requireActionViewer();
  await signOutEverywhere(await getDb(), viewer);
  (await cookies()).delete(ACCOUNT_COOKIE);
  await signOut({ redirectTo: "/sign-in" });
}

/** Account switcher: only to an account the user belongs to (checked against the database). */
export async function switchAccountAction(sent: FormData): Promise<void> {
  const viewer = await requireActionViewer();
  const formData = formDataOf(sent);
  const target = viewer.accounts.find((a) => a.publicId === formData.get("account"));
  if (target) {
    (await cookies()).set(ACCOUNT_COOKIE, target.publicId, {
      httpOnly: true,
      sameSite: "lax",
      secure: process.env.NODE_ENV === "production",
      path: "/",
    });
  }
  redirect("/");
}
