"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { failure, parseOrThrow, type ActionResult } from "@/lib/action-result";
import { getLocale } from "@/lib/i18n/server";
import { ACTIVATION_SIGN_IN_PROVIDER, issueSignInTicket } from "@/lib/activation/sign-in-ticket";
import { signIn, signOut } from "@/lib/auth";
import { formDataOf, formValues } from "@/lib/form-data";
import { joinAsNewUser, joinAsViewer } from "@/lib/people/join-account";
import { joinNewUserSchema, joinTokenSchema } from "@/lib/people/schemas";
import { requestInfo } from "@/lib/request-info";
import { isWellFormedToken } from "@/lib/security/tokens";
import { ACCOUNT_COOKIE, assertSameOrigin, requireActionViewer } from "@/lib/session";

// The public /join/<token> page's forms (staff invitations). Opening the link changes nothing; only these
// POSTs act, each after the Origin check, and each refuses a closed link before hashing anything.

async function openAccount(accountPublicId: string): Promise<void> {
  (await cookies()).set(ACCOUNT_COOKIE, accountPublicId, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production",
    path: "/",
  });
}

/** A new person: name and password, then signed in and taken into the account. */
export async function joinNewUserAction(_previous: unknown, input: FormData): Promise<ActionResult<never>> {
  let target = "/";
  try {
    await assertSameOrigin();
    const parsed = parseOrThrow(joinNewUserSchema, formValues(input));
    const joined = await joinAsNewUser(await getDb(), parsed, requestInfo(await headers()));
    try {
      await signIn(ACTIVATION_SIGN_IN_PROVIDER, { ticket: issueSignInTicket(joined.userId), redirect: false });
    } catch {
      target = "/sign-in"; // joined all the same; they sign in by hand
    }
    await openAccount(joined.accountPublicId);
  } catch (e) {
    return failure(e, await getLocale());
  }
  redirect(target);
}

/** A signed-in user whose email the invitation names: joins, and the account switcher now lists the account. */
export async function joinAsViewerAction(_previous: unknown, input: FormData): Promise<ActionResult<never>> {
  try {
    const viewer = await requireActionViewer();
    const { token } = parseOrThrow(joinTokenSchema, formValues(input));
    const joined = await joinAsViewer(await getDb(), token, viewer);
    await openAccount(joined.accountPublicId);
  } catch (e) {
    return failure(e, await getLocale());
  }
  redirect("/");
}

/** "Sign out to use another account": end this session and come back to the link. */
export async function signOutForJoinAction(input: FormData): Promise<void> {
  await assertSameOrigin();
  const token = formDataOf(input).get("token");
  (await cookies()).delete(ACCOUNT_COOKIE);
  await signOut({ redirectTo: typeof token === "string" && isWellFormedToken(token) ? `/join/${token}` : "/sign-in" });
}
