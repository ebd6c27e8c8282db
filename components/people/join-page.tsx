"use client";

import Link from "next/link";
import { useFormAction } from "@/components/ui/action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import type { FormAction } from "@/lib/action-result";

export type JoinView = {
  token: string;
  accountName: string;
  accountPublicId: string;
  accountKind: string;
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
  return (
    <div className="w-full max-w-md rounded-lg border border-border bg-card p-8 shadow-sm">
      <p className="mb-2 text-sm font-medium text-muted-foreground">Invitation</p>
      <h1 className="text-xl font-semibold text-foreground">Join {view.accountName}</h1>
      <p className="mt-3 text-sm text-foreground">
        {view.inviterName ?? "Someone"} invited <strong className="break-all">{view.email}</strong> to join {view.accountName} (
        {view.accountKind}, account <span className="font-mono">{view.accountPublicId}</span>) with the role{" "}
        <strong>{view.roleLabel}</strong>. The invitation expires on {view.expiresOn}.
      </p>
      <div className="mt-6">
        {view.mode === "new" ? <NewUserForm view={view} action={actions.joinNewUser} /> : null}
        {view.mode === "sign-in" ? (
          <>
            <p className="text-sm text-muted-foreground">This email already has a user. Sign in with it to accept the invitation.</p>
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/join/${view.token}`)}`} className={`${buttonClass("primary")} mt-4`}>
              Sign in to accept
            </Link>
          </>
        ) : null}
        {view.mode === "join" ? <JoinForm view={view} action={actions.joinAsViewer} /> : null}
        {view.mode === "other-user" ? (
          <form action={actions.signOut} className="space-y-4">
            <p className="text-sm text-foreground">
              You are signed in as <strong className="break-all">{view.viewerEmail}</strong>. This invitation is for another email: sign
              out, then open the link again.
            </p>
            <input type="hidden" name="token" value={view.token} />
            <Button type="submit" variant="secondary">
              Sign out to use another account
            </Button>
          </form>
        ) : null}
      </div>
    </div>
  );
}

function JoinForm({ view, action }: { view: JoinView; action: FormAction<never> }) {
  const { formAction, pending, formError } = useFormAction(action);
  return (
    <form action={formAction} className="space-y-4">
      <FormError message={formError} />
      <input type="hidden" name="token" value={view.token} />
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : `Join ${view.accountName}`}
      </Button>
    </form>
  );
}

function NewUserForm({ view, action }: { view: JoinView; action: FormAction<never> }) {
  const { formAction, pending, formError, fieldError } = useFormAction(action);
  return (
    <form action={formAction} className="space-y-4">
      <FormError message={formError} />
      <input type="hidden" name="token" value={view.token} />
      <Field id="join-email" label="Email" hint="The invitation is for this email; you sign in with it.">
        <Input id="join-email" value={view.email} readOnly autoComplete="username" />
      </Field>
      <Field id="fullName" label="Full name" required error={fieldError("fullName")}>
        <Input id="fullName" name="fullName" autoComplete="name" required maxLength={100} error={fieldError("fullName")} />
      </Field>
      <Field id="password" label="Password" required hint={view.passwordRule} error={fieldError("password")}>
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
        {pending ? "Creating your user…" : "Create user and join"}
      </Button>
    </form>
  );
}
