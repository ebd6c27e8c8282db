"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormError, Input } from "@/components/ui/field";
import { Badge, Card, EmptyState } from "@/components/ui/layout";
import { Notice } from "@/components/ui/notice";
import { notify } from "@/components/ui/notify";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Action } from "@/lib/action-result";
import type { ApiKeyScope } from "@/lib/api/schemas";

type KeyRow = {
  id: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  createdBy: string;
};
type Actions = {
  create: Action<{ name: string; scope: ApiKeyScope }, { key: string; prefix: string }>;
  revoke: Action<{ id: string }>;
};

/** Settings → API keys: create (the key is shown once), the list with prefixes, Revoke. */
export function ApiKeys({ keys, actions }: { keys: KeyRow[]; actions: Actions }) {
  const t = useTranslations("ApiKeys");
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<KeyRow | null>(null);
  const form = useForm<{ name: string; scope: ApiKeyScope }>({ defaultValues: { name: "", scope: "read" } });
  const { submit, formError, submitting } = useActionForm(form, actions.create, {
    onSuccess: (data, values) => {
      setCreated({ key: data.key, name: values.name });
      form.reset({ name: "", scope: "read" });
    },
  });
  const nameError = form.formState.errors.name?.message;
  const scopeError = form.formState.errors.scope?.message;

  return (
    <div className="max-w-3xl space-y-6">
      <Card>
        <h2 className="text-base font-semibold text-foreground">{t("createApiKey")}</h2>
        <p className="mt-1 text-sm text-muted-foreground">
          {t.rich("intro", {
            path: () => <code className="break-all">/api/v1</code>,
            docs: (chunks) => (
              <a className="underline" href="/docs/api">
                {chunks}
              </a>
            ),
          })}
        </p>
        {created ? (
          <Notice tone="success" className="mt-4">
            <p className="font-medium">{t("copyNow", { name: created.name })}</p>
            <p className="mt-2 break-all font-mono text-xs" data-testid="new-api-key">
              {created.key}
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <Button
                size="sm"
                variant="secondary"
                onClick={async () => {
                  await navigator.clipboard?.writeText(created.key);
                  notify(t("copied"));
                }}
              >
                {t("copyKey")}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
                {t("done")}
              </Button>
            </div>
          </Notice>
        ) : null}
        <form onSubmit={submit} noValidate className="mt-4 space-y-4">
          <FormError message={formError} />
          <Field id="api-key-name" label={t("name")} hint={t("nameHint")} error={nameError} required>
            <Input id="api-key-name" maxLength={100} required autoComplete="off" error={nameError} {...form.register("name")} />
          </Field>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-foreground">{t("scope")}</legend>
            {(["read", "write"] as const).map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm text-foreground">
                <input type="radio" value={scope} {...form.register("scope")} />
                {t(`scopes.${scope}`)}
              </label>
            ))}
            {scopeError ? (
              <p role="alert" className="text-xs font-medium text-destructive-text">
                {scopeError}
              </p>
            ) : null}
          </fieldset>
          <Button type="submit" disabled={submitting}>
            {submitting ? t("creating") : t("createApiKey")}
          </Button>
        </form>
      </Card>

      <Card flush>
        <h2 className="px-4 pt-4 text-base font-semibold text-foreground sm:px-6">{t("title")}</h2>
        {keys.length === 0 ? (
          <div className="p-4 sm:p-6">
            <EmptyState title={t("noKeys")}>{t("noKeysText")}</EmptyState>
          </div>
        ) : (
          <ul className="mt-2 divide-y divide-border">
            {keys.map((k) => (
              <li key={k.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
                <div className="min-w-0 space-y-1">
                  <p className="break-words text-sm font-medium text-foreground">
                    {k.name} <Badge tone={k.scope === "write" ? "info" : "neutral"}>{t(`scopes.${k.scope}`)}</Badge>
                  </p>
                  <p className="font-mono text-xs text-muted-foreground">{k.prefix}…</p>
                  <p className="text-xs text-muted-foreground">
                    {t.rich(k.lastUsedAt ? "createdUsed" : "createdNeverUsed", {
                      by: k.createdBy,
                      created: () => <RelativeTime date={k.createdAt} />,
                      used: () => <RelativeTime date={k.lastUsedAt} />,
                    })}
                  </p>
                </div>
                <Button size="sm" variant="danger" onClick={() => setRevoking(k)}>
                  {t("revoke")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={t("revokeTitle", { name: revoking?.name ?? "" })}
        description={t("revokeText")}
        confirmLabel={t("revokeKey")}
        busyLabel={t("revoking")}
        tone="danger"
        onConfirm={async () => {
          if (!revoking) return;
          const result = await actions.revoke({ id: revoking.id });
          if (!result.ok) return result.error;
          notify(t("revoked"));
          setRevoking(null);
        }}
      />
    </div>
  );
}
