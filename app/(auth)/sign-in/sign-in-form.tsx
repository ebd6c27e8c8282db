"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/actions/auth";
import { Field, FormError, Input } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";

// A plain <form action>: sign-in works before JavaScript loads. After a correct password, a user with
// two-factor sign-in gets the code step in the same form (the signed ticket rides in a hidden field).
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const t = useTranslations("SignIn");
  if (state.ticket) {
    return (
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <input type="hidden" name="step" value="code" />
        <input type="hidden" name="ticket" value={state.ticket} />
        <input type="hidden" name="email" value={state.email ?? ""} />
        <p className="text-sm text-muted-foreground">
          {t.rich("twoFactorOn", {
            email: state.email ?? "",
            b: (chunks) => <span className="break-all font-medium text-foreground">{chunks}</span>,
          })}
        </p>
        <FormError message={state.fieldErrors?.code ? undefined : state.error} />
        <Field id="code" label={t("code")} hint={t("codeHint")} error={state.fieldErrors?.code}>
          <Input
            id="code"
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            error={state.fieldErrors?.code}
          />
        </Field>
        <button type="submit" className={`${buttonClass("primary")} w-full`} disabled={pending}>
          {pending ? t("checking") : t("verify")}
        </button>
        <p className="text-center text-sm">
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-link hover:underline">
            {t("startAgain")}
          </Link>
        </p>
      </form>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormError message={state.error} />
      <Field id="email" label={t("email")} error={state.fieldErrors?.email}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          error={state.fieldErrors?.email}
        />
      </Field>
      <Field id="password" label={t("password")} error={state.fieldErrors?.password}>
        <Input id="password" name="password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password} />
      </Field>
      <button type="submit" className={`${buttonClass("primary")} w-full`} disabled={pending}>
        {pending ? t("signingIn") : t("title")}
      </button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="text-link hover:underline">
          {t("forgotPassword")}
        </Link>
      </p>
    </form>
  );
}
