"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { notify } from "@/components/ui/notify";
import type { Action } from "@/lib/action-result";

/** Owners and Admins: require two-factor sign-in of every user of the account. */
export function RequireTwoFactorForm({
  required,
  action,
}: {
  required: boolean;
  action: Action<{ require: boolean }, { require: boolean }>;
}) {
  const t = useTranslations("Security");
  const common = useTranslations("Common");
  const [checked, setChecked] = useState(required);
  const [saved, setSaved] = useState(required);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(undefined);
        const result = await action({ require: checked });
        setBusy(false);
        if (!result.ok) return setError(result.error);
        setSaved(result.data.require);
        notify(result.data.require ? t("requiredNow") : t("requiredNoLonger"));
      }}
    >
      <FormError message={error} />
      <label className="flex items-start gap-3 text-sm text-foreground">
        <input
          type="checkbox"
          name="require"
          className="mt-0.5 size-4 shrink-0 accent-primary"
          checked={checked}
          onChange={(e) => setChecked(e.target.checked)}
        />
        <span>
          {t("require")}
          <span className="block text-xs text-muted-foreground">{t("requireHint")}</span>
        </span>
      </label>
      <Button type="submit" variant="secondary" disabled={busy || checked === saved}>
        {busy ? common("saving") : common("save")}
      </Button>
    </form>
  );
}
