"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import type { FormAction } from "@/lib/action-result";

export type JoinView = {
  token: string;
  accountName: string;
  accountPublicId: string;
  accountRole: "distributor" | "reseller";
  roleLabel: string;
  inviterName: string | null;
  email: string;
  expiresOn: string;
  passwordRule: string;
  /** What this visitor can do: sign up, sign in first, join as themselves, or sign out of another user. */
  mode: "new" | "sign-in" | "join" | "other-user";
  viewerEmail: string | null;
};

export type JoinActions = {
  joinNewUser: FormAction<never>;
  joinAsViewer: FormAction<never>;
  signOut: (form: FormData) => Promise<void>;
};

/** The public /join/<token> page for a pending invitation: every form is a plain POST (works without JavaScript). */
export function JoinInvitation({ view, actions }: { view: JoinView; actions: JoinActions }) {
  const t = useTranslations("Join");
  return (
    <div className="w-full max-w-md rounded-lg border border-border bg-card p-8 shadow-sm">
      <p className="mb-2 text-sm font-medium text-muted-foreground">{t("title")}</p>
      <h1 className="text-xl font-semibold text-foreground">{t("heading", { account: view.accountName })}</h1>
      <p className="mt-3 text-sm text-foreground">
        {t.rich("invited", {
          inviter: view.inviterName ?? t("someone"),
          email: view.email,
          account: view.accountName,
          kind: view.accountRole,
          accountId: view.accountPublicId,
          role: view.roleLabel,
          date: view.expiresOn,
          b: (chunks) => <strong className="break-all">{chunks}</strong>,
          mono: (chunks) => <span className="font-mono">{chunks}</span>,
        })}
      </p>
      <div className="mt-6">
        {view.mode === "new" ? <NewUserForm view={view} action={actions.joinNewUser} /> : null}
        {view.mode === "sign-in" ? (
          <>
            <p className="text-sm text-muted-foreground">{t("signInHint")}</p>
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/join/${view.token}`)}`} className={`${buttonClass("primary")} mt-4`}>
              {t("signIn")}
            </Link>
          </>
        ) : null}
        {view.mode === "join" ? <JoinForm view={view} action={actions.joinAsViewer} /> : null}
        {view.mode === "other-user" ? (
          <form action={actions.signOut} className="space-y-4">
            <p className="text-sm text-foreground">
              {t.rich("otherUser", { email: view.viewerEmail ?? "", b: (chunks) => <strong className="break-all">{chunks}</strong> })}
            </p>
            <input type="hidden" name="token" value={view.token} />
            <Button type="submit" variant="secondary">
              {t("signOut")}
            </Button>
          </form>
        ) : null}
      </div>
    </div>
  );
}

function JoinForm({ view, action }: { view: JoinView; action: FormAction<never> }) {
  const { formAction, pending, formError } = useFormAction(action);
  const t = useTranslations("Join");
  return (
    <form action={formAction} className="space-y-4">
      <FormError message={formError} />
      <input type="hidden" name="token" value={view.token} />
      <Button type="submit" disabled={pending}>
        {pending ? t("joining") : t("heading", { account: view.accountName })}
      </Button>
    </form>
  );
}

function NewUserForm({ view, action }: { view: JoinView; action: FormAction<never> }) {
  const { formAction, pending, formError, fieldError } = useFormAction(action);
  const t = useTranslations("Join");
  return (
    <form action={formAction} className="space-y-4">
      <FormError message={formError} />
      <input type="hidden" name="token" value={view.token} />
      <Field id="join-email" label={t("email")} hint={t("emailHint")}>
        <Input id="join-email" value={view.email} readOnly autoComplete="username" />
      </Field>
      <Field id="fullName" label={t("fullName")} required error={fieldError("fullName")}>
        <Input id="fullName" name="fullName" autoComplete="name" required maxLength={100} error={fieldError("fullName")} />
      </Field>
      <Field id="password" label={t("password")} required hint={view.passwordRule} error={fieldError("password")}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          maxLength={1024}
          error={fieldError("password")}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("creating") : t("create")}
      </Button>
    </form>
  );
}
