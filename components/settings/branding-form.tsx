"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { notify } from "@/components/ui/notify";
import type { Action } from "@/lib/action-result";

const MAX_BYTES = 256 * 1024;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Logo (PNG, JPEG or WebP, ≤ 256 KB; the server checks the bytes) and accent colour. */
export function BrandingForm({
  accentColor,
  logoUrl,
  update,
  removeLogo,
}: {
  accentColor: string | null;
  logoUrl: string | null;
  update: Action<{ accentColor: string; logo: string }, unknown>;
  removeLogo: Action<Record<string, never>, void>;
}) {
  const t = useTranslations("Branding");
  const common = useTranslations("Common");
  const router = useRouter();
  const [accent, setAccent] = useState(accentColor ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(undefined);
        setFieldErrors({});
        if (file && file.size > MAX_BYTES) return setFieldErrors({ logo: t("logoTooBig") });
        setBusy(true);
        try {
          const result = await update({ accentColor: accent.trim(), logo: file ? await base64Of(file) : "" });
          if (!result.ok) {
            setError(result.error);
            setFieldErrors(result.fieldErrors ?? {});
            return;
          }
          setFile(null);
          (e.target as HTMLFormElement).reset();
          notify(t("saved"));
          router.refresh();
        } finally {
          setBusy(false);
        }
      }}
    >
      <FormError message={error} />
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex h-16 w-40 items-center justify-center rounded-md border border-border bg-card p-2">
          {logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- served by the app's own route, already sized
            <img src={logoUrl} alt={t("currentLogo")} className="max-h-full max-w-full object-contain" />
          ) : (
            <span className="text-xs text-muted-foreground">{t("noLogo")}</span>
          )}
        </div>
        {logoUrl ? (
          <Button
            variant="ghost"
            disabled={busy}
            onClick={async () => {
              const result = await removeLogo({});
              if (!result.ok) return setError(result.error);
              notify(t("logoRemoved"));
              router.refresh();
            }}
          >
            {t("removeLogo")}
          </Button>
        ) : null}
      </div>
      <Field id="logo" label={t("logo")} hint={t("logoHint")} error={fieldErrors.logo}>
        <Input
          id="logo"
          name="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          error={fieldErrors.logo}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </Field>
      <Field id="accent" label={t("accentColour")} hint={t("accentHint")} error={fieldErrors.accentColor}>
        <div className="flex items-center gap-3">
          <input
            type="color"
            aria-label={t("pickAccent")}
            value={/^#[0-9a-fA-F]{6}$/.test(accent) ? accent : "#1d5fd1"}
            onChange={(e) => setAccent(e.target.value)}
            className="h-9 w-12 shrink-0 cursor-pointer rounded border border-input bg-card"
          />
          <Input
            id="accent"
            name="accentColor"
            value={accent}
            placeholder="#1d5fd1"
            onChange={(e) => setAccent(e.target.value)}
            error={fieldErrors.accentColor}
          />
        </div>
      </Field>
      <Button type="submit" disabled={busy}>
        {busy ? common("saving") : common("save")}
      </Button>
    </form>
  );
}
