"use client";

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
import { apiKeyScopeLabels, type ApiKeyScope } from "@/lib/api/schemas";

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
        <h2 className="text-base font-semibold text-foreground">Create API key</h2>
        <p className="mt-1 text-sm text-muted-foreground">
          A key acts as this account, with its permissions, for the REST API at <code className="break-all">/api/v1</code> (
          <a className="underline" href="/docs/api">
            API reference
          </a>
          ).
        </p>
        {created ? (
          <Notice tone="success" className="mt-4">
            <p className="font-medium">Copy the key “{created.name}” now: it will not be shown again.</p>
            <p className="mt-2 break-all font-mono text-xs" data-testid="new-api-key">
              {created.key}
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <Button
                size="sm"
                variant="secondary"
                onClick={async () => {
                  await navigator.clipboard?.writeText(created.key);
                  notify("API key copied.");
                }}
              >
                Copy key
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
                Done
              </Button>
            </div>
          </Notice>
        ) : null}
        <form onSubmit={submit} noValidate className="mt-4 space-y-4">
          <FormError message={formError} />
          <Field id="api-key-name" label="Name" hint="What uses it, e.g. “CRM sync”." error={nameError} required>
            <Input id="api-key-name" maxLength={100} required autoComplete="off" error={nameError} {...form.register("name")} />
          </Field>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-foreground">Scope</legend>
            {(["read", "write"] as const).map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm text-foreground">
                <input type="radio" value={scope} {...form.register("scope")} />
                {apiKeyScopeLabels[scope]}
              </label>
            ))}
            {scopeError ? (
              <p role="alert" className="text-xs font-medium text-destructive-text">
                {scopeError}
              </p>
            ) : null}
          </fieldset>
          <Button type="submit" disabled={submitting}>
            {submitting ? "Creating…" : "Create API key"}
          </Button>
        </form>
      </Card>

      <Card flush>
        <h2 className="px-4 pt-4 text-base font-semibold text-foreground sm:px-6">API keys</h2>
        {keys.length === 0 ? (
          <div className="p-4 sm:p-6">
            <EmptyState title="No API keys">Keys you create appear here with their prefix.</EmptyState>
          </div>
        ) : (
          <ul className="mt-2 divide-y divide-border">
            {keys.map((k) => (
              <li key={k.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
                <div className="min-w-0 space-y-1">
                  <p className="break-words text-sm font-medium text-foreground">
                    {k.name} <Badge tone={k.scope === "write" ? "info" : "neutral"}>{apiKeyScopeLabels[k.scope]}</Badge>
                  </p>
                  <p className="font-mono text-xs text-muted-foreground">{k.prefix}…</p>
                  <p className="text-xs text-muted-foreground">
                    Created <RelativeTime date={k.createdAt} /> by {k.createdBy} · Last used{" "}
                    {k.lastUsedAt ? <RelativeTime date={k.lastUsedAt} /> : "never"}
                  </p>
                </div>
                <Button size="sm" variant="danger" onClick={() => setRevoking(k)}>
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke the key “${revoking?.name ?? ""}”?`}
        description="Requests with this key are refused from now on. This cannot be undone."
        confirmLabel="Revoke key"
        busyLabel="Revoking…"
        tone="danger"
        onConfirm={async () => {
          if (!revoking) return;
          const result = await actions.revoke({ id: revoking.id });
          if (!result.ok) return result.error;
          notify("The API key was revoked.");
          setRevoking(null);
        }}
      />
    </div>
  );
}
