"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormError, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { notify } from "@/components/ui/notify";
import type { Action } from "@/lib/action-result";

export type TwoFactorView =
  { state: "off" } | { state: "pending"; secret: string; qrSvg: string } | { state: "on"; enabledOn: string; recoveryCodesLeft: number };

type Actions = {
  start: Action<Record<string, never>, void>;
  cancel: Action<Record<string, never>, void>;
  confirm: Action<{ code: string }, { recoveryCodes: string[] }>;
  disable: Action<{ code: string; password: string }, void>;
};

/** Two-factor sign-in on Your profile: set up with a QR code and a code, recovery codes shown once, turn off. */
export function TwoFactorCard({ view, actions, required }: { view: TwoFactorView; actions: Actions; required: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [codeError, setCodeError] = useState<string>();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [disableOpen, setDisableOpen] = useState(false);

  async function run<T>(action: () => Promise<{ ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> }>) {
    setBusy(true);
    setError(undefined);
    setCodeError(undefined);
    try {
      const result = await action();
      if (!result.ok) {
        setError(result.fieldErrors?.code ? undefined : result.error);
        setCodeError(result.fieldErrors?.code);
        return null;
      }
      return { data: result.data };
    } finally {
      setBusy(false);
    }
  }

  if (codes) {
    return (
      <div className="space-y-4">
        <Notice tone="success">Two-factor sign-in is on.</Notice>
        <p className="text-sm text-foreground">
          Save these recovery codes somewhere safe (a password manager). Each works once, when you cannot use your authenticator app. They
          are shown only now.
        </p>
        <ul
          aria-label="Recovery codes"
          className="grid grid-cols-2 gap-2 rounded-md border border-border bg-muted p-4 font-mono text-sm sm:grid-cols-5"
        >
          {codes.map((c) => (
            <li key={c} data-recovery-code>
              {c}
            </li>
          ))}
        </ul>
        <Button
          onClick={() => {
            setCodes(null);
            router.refresh();
          }}
        >
          I saved my recovery codes
        </Button>
      </div>
    );
  }

  if (view.state === "on") {
    return (
      <div className="space-y-4">
        <p className="text-sm text-foreground">
          Two-factor sign-in is <strong>on</strong> since {view.enabledOn}. Recovery codes left: {view.recoveryCodesLeft} of 10.
        </p>
        {view.recoveryCodesLeft <= 3 ? (
          <Notice tone="warning">Few recovery codes are left. Turn two-factor sign-in off and on again to get ten new ones.</Notice>
        ) : null}
        <Button variant="secondary" onClick={() => setDisableOpen(true)}>
          Turn off two-factor sign-in
        </Button>
        <DisableDialog
          open={disableOpen}
          onOpenChange={setDisableOpen}
          required={required}
          disable={actions.disable}
          onDone={() => router.refresh()}
        />
      </div>
    );
  }

  if (view.state === "pending") {
    return (
      <form
        noValidate
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          const code = String(new FormData(e.currentTarget).get("code") ?? "");
          const done = await run(() => actions.confirm({ code }));
          if (done) setCodes(done.data.recoveryCodes);
        }}
      >
        <ol className="list-decimal space-y-2 pl-5 text-sm text-foreground">
          <li>Scan this QR code with your authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, …).</li>
          <li>Enter the 6-digit code the app shows.</li>
        </ol>
        <div className="flex flex-wrap items-start gap-6">
          <div
            role="img"
            aria-label="QR code for your authenticator app"
            className="size-44 shrink-0 rounded-md bg-white p-2 [&_svg]:size-full"
            dangerouslySetInnerHTML={{ __html: view.qrSvg }}
          />
          <div className="min-w-0 space-y-1 text-sm">
            <p className="text-muted-foreground">Cannot scan? Enter this key in the app:</p>
            <p className="break-all font-mono text-foreground" data-testid="totp-secret">
              {view.secret.replace(/(.{4})/g, "$1 ").trim()}
            </p>
          </div>
        </div>
        <FormError message={error} />
        <div className="max-w-xs">
          <Field id="totp-code" label="Code from the app" error={codeError}>
            <Input id="totp-code" name="code" inputMode="numeric" autoComplete="one-time-code" error={codeError} />
          </Field>
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={busy}>
            {busy ? "Checking…" : "Turn on"}
          </Button>
          <Button
            variant="ghost"
            disabled={busy}
            onClick={async () => {
              if (await run(() => actions.cancel({}))) router.refresh();
            }}
          >
            Cancel
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-foreground">
        Two-factor sign-in is <strong>off</strong>. With it on, signing in asks for a code from an authenticator app after your password.
      </p>
      <FormError message={error} />
      <Button
        disabled={busy}
        onClick={async () => {
          if (await run(() => actions.start({}))) router.refresh();
        }}
      >
        Set up two-factor sign-in
      </Button>
    </div>
  );
}

function DisableDialog({
  open,
  onOpenChange,
  required,
  disable,
  onDone,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  required: boolean;
  disable: Actions["disable"];
  onDone: () => void;
}) {
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) {
          setCode("");
          setPassword("");
        }
      }}
      title="Turn off two-factor sign-in?"
      description={
        <div className="space-y-3">
          <p>
            Signing in will ask only for your password. Your recovery codes stop working.
            {required ? " Your account requires two-factor sign-in: you will be asked to set it up again." : ""}
          </p>
          <Field id="disable-code" label="Code from your authenticator app">
            <Input
              id="disable-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </Field>
          <Field id="disable-password" label="Or your password">
            <Input
              id="disable-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
        </div>
      }
      confirmLabel="Turn off"
      busyLabel="Turning off…"
      tone="danger"
      onConfirm={async () => {
        const result = await disable({ code, password });
        if (!result.ok) return result.fieldErrors?.code ?? result.fieldErrors?.password ?? result.error;
        onOpenChange(false);
        notify("Two-factor sign-in is off.");
        onDone();
      }}
    />
  );
}
