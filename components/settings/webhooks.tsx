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
import { webhookEventTypes } from "@/lib/webhooks/events";

type Delivery = {
  id: string;
  eventId: string;
  eventType: string;
  status: "pending" | "sending" | "delivered" | "failed";
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastResponse: string | null;
};
type Endpoint = {
  id: string;
  url: string;
  eventTypes: string[];
  createdAt: string;
  disabledAt: string | null;
  failingSince: string | null;
  deliveries: Delivery[];
};
type Ref = { endpointId: string };
type Actions = {
  create: Action<{ url: string; eventTypes: string[] }, { secret: string }>;
  remove: Action<Ref>;
  enable: Action<Ref>;
  sendTest: Action<Ref, { eventId: string }>;
  redeliver: Action<{ deliveryId: string }, { eventId: string }>;
};

const deliveryTone: Record<Delivery["status"], string> = {
  pending: "pending",
  sending: "pending",
  delivered: "active",
  failed: "rejected",
};
const deliveryLabel: Record<Delivery["status"], string> = {
  pending: "Retrying",
  sending: "Sending",
  delivered: "Delivered",
  failed: "Failed",
};

/** Settings → Webhooks: add an endpoint (secret shown once), Send test event, the delivery log with Redeliver. */
export function Webhooks({ endpoints, actions }: { endpoints: Endpoint[]; actions: Actions }) {
  const [created, setCreated] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Endpoint | null>(null);
  const form = useForm<{ url: string; eventTypes: string[] }>({ defaultValues: { url: "", eventTypes: [] } });
  const { submit, formError, submitting } = useActionForm(form, actions.create, {
    onSuccess: (data) => {
      setCreated(data.secret);
      form.reset({ url: "", eventTypes: [] });
    },
  });
  const urlError = form.formState.errors.url?.message;
  const typesError = form.formState.errors.eventTypes?.message ?? form.formState.errors.eventTypes?.root?.message;
  const run = async (call: Promise<{ ok: boolean; error?: string }>, done: string) => {
    const result = await call;
    notify(result.ok ? done : (result.error ?? "That did not work."));
  };

  return (
    <div className="max-w-3xl space-y-6">
      <Card>
        <h2 className="text-base font-semibold text-foreground">Add endpoint</h2>
        <p className="mt-1 text-sm text-muted-foreground">
          Events are POSTed as JSON to your https URL, signed with the endpoint&apos;s secret (header <code>Scp-Signature</code>), and
          retried for a day when your endpoint does not answer 2xx.
        </p>
        {created ? (
          <Notice tone="success" className="mt-4">
            <p className="font-medium">Copy the signing secret now: it will not be shown again.</p>
            <p className="mt-2 break-all font-mono text-xs" data-testid="new-webhook-secret">
              {created}
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <Button
                size="sm"
                variant="secondary"
                onClick={async () => {
                  await navigator.clipboard?.writeText(created);
                  notify("Signing secret copied.");
                }}
              >
                Copy secret
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
                Done
              </Button>
            </div>
          </Notice>
        ) : null}
        <form onSubmit={submit} noValidate className="mt-4 space-y-4">
          <FormError message={formError} />
          <Field id="webhook-url" label="Endpoint URL" hint="https:// and a public address." error={urlError} required>
            <Input
              id="webhook-url"
              type="url"
              inputMode="url"
              maxLength={2000}
              required
              autoComplete="off"
              placeholder="https://example.com/webhooks"
              error={urlError}
              {...form.register("url")}
            />
          </Field>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-foreground">Events</legend>
            <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
              {webhookEventTypes.map((t) => (
                <label key={t} className="flex min-h-6 items-center gap-2 break-all py-1 font-mono text-xs text-foreground">
                  <input type="checkbox" value={t} {...form.register("eventTypes")} />
                  {t}
                </label>
              ))}
            </div>
            {typesError ? (
              <p role="alert" className="text-xs font-medium text-destructive-text">
                {typesError}
              </p>
            ) : null}
          </fieldset>
          <Button type="submit" disabled={submitting}>
            {submitting ? "Adding…" : "Add endpoint"}
          </Button>
        </form>
      </Card>

      {endpoints.length === 0 ? (
        <EmptyState title="No webhook endpoints">Endpoints you add appear here with their delivery log.</EmptyState>
      ) : (
        endpoints.map((e) => (
          <Card key={e.id}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0 space-y-1">
                <h2 className="break-all font-mono text-sm font-semibold text-foreground">{e.url}</h2>
                <p className="text-xs text-muted-foreground">
                  {e.disabledAt ? (
                    <>
                      <Badge tone="rejected">Disabled</Badge> <RelativeTime date={e.disabledAt} />, after failing for days
                    </>
                  ) : (
                    <Badge tone="active">Enabled</Badge>
                  )}{" "}
                  · Added <RelativeTime date={e.createdAt} />
                </p>
                <p className="break-words text-xs text-muted-foreground">{e.eventTypes.join(", ")}</p>
              </div>
              <div className="flex flex-wrap gap-2">
                {e.disabledAt ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => run(actions.enable({ endpointId: e.id }), "The endpoint was enabled.")}
                  >
                    Enable
                  </Button>
                ) : (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => run(actions.sendTest({ endpointId: e.id }), "A test event was sent. Its delivery appears below.")}
                  >
                    Send test event
                  </Button>
                )}
                <Button size="sm" variant="danger" onClick={() => setRemoving(e)}>
                  Delete
                </Button>
              </div>
            </div>
            <h3 className="mt-4 text-sm font-semibold text-foreground">Deliveries</h3>
            {e.deliveries.length === 0 ? (
              <p className="mt-1 text-sm text-muted-foreground">Nothing was sent to this endpoint yet.</p>
            ) : (
              <ul className="mt-2 divide-y divide-border rounded-md border border-border">
                {e.deliveries.map((d) => (
                  <li key={d.id} className="space-y-1 px-3 py-2 text-sm">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <p className="min-w-0 break-all">
                        <span className="font-mono text-foreground">{d.eventType}</span>{" "}
                        <Badge tone={deliveryTone[d.status]}>{deliveryLabel[d.status]}</Badge>
                      </p>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={Boolean(e.disabledAt)}
                        onClick={() => run(actions.redeliver({ deliveryId: d.id }), "The event was sent again.")}
                      >
                        Redeliver
                      </Button>
                    </div>
                    <p className="break-all text-xs text-muted-foreground">
                      <span className="font-mono">{d.eventId}</span> · attempt {d.attempts}
                      {d.lastStatusCode !== null ? ` · HTTP ${d.lastStatusCode}` : ""} ·{" "}
                      <RelativeTime date={d.lastAttemptAt ?? d.createdAt} />
                    </p>
                    {d.lastResponse ? (
                      <p className="break-all font-mono text-xs text-muted-foreground">{d.lastResponse.slice(0, 200)}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ))
      )}

      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title="Delete this webhook endpoint?"
        description={<span className="break-all">No more events are sent to {removing?.url}. Its delivery log is deleted too.</span>}
        confirmLabel="Delete endpoint"
        busyLabel="Deleting…"
        tone="danger"
        onConfirm={async () => {
          if (!removing) return;
          const result = await actions.remove({ endpointId: removing.id });
          if (!result.ok) return result.error;
          notify("The webhook endpoint was deleted.");
          setRemoving(null);
        }}
      />
    </div>
  );
}
