"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("Security");
  const common = useTranslations("Common");
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
        <Notice tone="success">{t("twoFactorIsOn")}</Notice>
        <p className="text-sm text-foreground">{t("saveRecoveryCodes")}</p>
        <ul
          aria-label={t("recoveryCodes")}
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
          {t("savedRecoveryCodes")}
        </Button>
      </div>
    );
  }

  if (view.state === "on") {
    return (
      <div className="space-y-4">
        <p className="text-sm text-foreground">
          {t.rich("onSince", { date: view.enabledOn, left: view.recoveryCodesLeft, b: (chunks) => <strong>{chunks}</strong> })}
        </p>
        {view.recoveryCodesLeft <= 3 ? <Notice tone="warning">{t("fewCodesLeft")}</Notice> : null}
        <Button variant="secondary" onClick={() => setDisableOpen(true)}>
          {t("turnOffTwoFactor")}
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
          <li>{t("scanStep")}</li>
          <li>{t("codeStep")}</li>
        </ol>
        <div className="flex flex-wrap items-start gap-6">
          <div
            role="img"
            aria-label={t("qrCode")}
            className="size-44 shrink-0 rounded-md bg-white p-2 [&_svg]:size-full"
            dangerouslySetInnerHTML={{ __html: view.qrSvg }}
          />
          <div className="min-w-0 space-y-1 text-sm">
            <p className="text-muted-foreground">{t("cannotScan")}</p>
            <p className="break-all font-mono text-foreground" data-testid="totp-secret">
              {view.secret.replace(/(.{4})/g, "$1 ").trim()}
            </p>
          </div>
        </div>
        <FormError message={error} />
        <div className="max-w-xs">
          <Field id="totp-code" label={t("codeFromApp")} error={codeError}>
            <Input id="totp-code" name="code" inputMode="numeric" autoComplete="one-time-code" error={codeError} />
          </Field>
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={busy}>
            {busy ? t("checking") : t("turnOn")}
          </Button>
          <Button
            variant="ghost"
            disabled={busy}
            onClick={async () => {
              if (await run(() => actions.cancel({}))) router.refresh();
            }}
          >
            {common("cancel")}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-foreground">{t.rich("isOff", { b: (chunks) => <strong>{chunks}</strong> })}</p>
      <FormError message={error} />
      <Button
        disabled={busy}
        onClick={async () => {
          if (await run(() => actions.start({}))) router.refresh();
        }}
      >
        {t("setUp")}
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
  const t = useTranslations("Security");
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
      title={t("turnOffTitle")}
      description={
        <div className="space-y-3">
          <p>
            {t("turnOffText")}
            {required ? ` ${t("turnOffRequired")}` : ""}
          </p>
          <Field id="disable-code" label={t("codeFromAuthenticator")}>
            <Input
              id="disable-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </Field>
          <Field id="disable-password" label={t("orPassword")}>
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
      confirmLabel={t("turnOff")}
      busyLabel={t("turningOff")}
      tone="danger"
      onConfirm={async () => {
        const result = await disable({ code, password });
        if (!result.ok) return result.fieldErrors?.code ?? result.fieldErrors?.password ?? result.error;
        onOpenChange(false);
        notify(t("isOffNow"));
        onDone();
      }}
    />
  );
}
