"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field, FormError, Input } from "@/components/ui/field";
import { notify } from "@/components/ui/notify";
import type { DetailsActions } from "./types";

const DAY = 86_400_000;
/** lib/contracts/schemas.ts MAX_LINK_DAYS (that module brings zod; the server checks the limit again). */
const MAX_LINK_DAYS = 365;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Extend expiry: a later day for the current link (same link, nothing to resend). The form carries the
 * expiry it showed, so the server refuses if someone changed it meanwhile.
 */
export function ExtendExpiryDialog({
  publicId,
  actions,
  onDone,
  linkExpiresAt,
}: {
  publicId: string;
  actions: DetailsActions;
  onDone: () => void;
  linkExpiresAt: Date;
}) {
  const t = useTranslations("ContractDetails");
  const locale = useLocale();
  const dayFmt = new Intl.DateTimeFormat(locale === "en" ? "en-US" : locale, { dateStyle: "long", timeZone: "UTC" });
  const current = new Date(linkExpiresAt);
  const [today] = useState(() => Date.now());
  const max = today + MAX_LINK_DAYS * DAY;
  const suggested = Math.min(Math.max(current.getTime(), today) + 30 * DAY, max);
  const form = useForm({
    defaultValues: { publicId, linkExpiresOn: isoDay(suggested), currentExpiresAt: current.toISOString() },
  });
  const { submit } = useActionForm(form, actions.extendExpiry!, {
    onSuccess: (d) => {
      notify(t("expiryExtended", { day: dayFmt.format(new Date(d.linkExpiresAt)) }));
      onDone();
    },
  });
  const error = form.formState.errors.linkExpiresOn?.message;
  const submitting = form.formState.isSubmitting;
  return (
    <DialogContent title={t("extendExpiry")} description={t("extendExpiryText", { day: dayFmt.format(current) })}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={form.formState.errors.root?.message} />
        <Field id="extendLinkExpiresOn" label={t("newExpiration")} hint={t("newExpirationHint")} error={error}>
          <Input
            id="extendLinkExpiresOn"
            type="date"
            required
            min={isoDay(Math.max(current.getTime() + DAY, today))}
            max={isoDay(max)}
            error={error}
            {...form.register("linkExpiresOn")}
          />
        </Field>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">{t("cancel")}</Button>
          </DialogClose>
          <Button type="submit" disabled={submitting}>
            {submitting ? t("extending") : t("extendExpiry")}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
