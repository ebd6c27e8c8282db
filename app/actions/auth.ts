"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { fieldErrorsOf } from "@/lib/action-result";
import { signInSchema } from "@/lib/accounts/schemas";
import { signIn, signOut } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { formDataOf } from "@/lib/form-data";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { ACCOUNT_COOKIE, assertSameOrigin, requireActionViewer } from "@/lib/session";

export type SignInState = { error?: string; fieldErrors?: Record<string, string>; email?: string };

const INVALID = "Incorrect email or password.";

export async function signInAction(_prev: SignInState, sent: FormData): Promise<SignInState> {
  const formData = formDataOf(sent);
  try {
    await assertSameOrigin();
  } catch (e) {
    return { error: isAppError(e) ? e.message : INVALID };
  }
  const raw = { email: formData.get("email"), password: formData.get("password") };
  const parsed = signInSchema.safeParse(raw);
  const email = typeof raw.email === "string" ? raw.email.slice(0, 254) : "";
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), email };
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (e) {
    if (e instanceof AuthError) {
      const limited = (e as AuthError & { code?: string }).code === "rate_limited";
      return { error: limited ? "Too many sign-in attempts. Please wait 15 minutes and try again." : INVALID, email };
    }
    throw e;
  }
  (await cookies()).delete(ACCOUNT_COOKIE);
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
