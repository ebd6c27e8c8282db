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

/** Settings → Webhooks: add an endpoint (secret shown once), Send test event, the delivery log with Redeliver. */
export function Webhooks({ endpoints, actions }: { endpoints: Endpoint[]; actions: Actions }) {
  const t = useTranslations("Webhooks");
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
    notify(result.ok ? done : (result.error ?? t("didNotWork")));
  };

  return (
    <div className="max-w-3xl space-y-6">
      <Card>
        <h2 className="text-base font-semibold text-foreground">{t("addEndpoint")}</h2>
        <p className="mt-1 text-sm text-muted-foreground">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
        {created ? (
          <Notice tone="success" className="mt-4">
            <p className="font-medium">{t("copyNow")}</p>
            <p className="mt-2 break-all font-mono text-xs" data-testid="new-webhook-secret">
              {created}
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <Button
                size="sm"
                variant="secondary"
                onClick={async () => {
                  await navigator.clipboard?.writeText(created);
                  notify(t("copied"));
                }}
              >
                {t("copySecret")}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
                {t("done")}
              </Button>
            </div>
          </Notice>
        ) : null}
        <form onSubmit={submit} noValidate className="mt-4 space-y-4">
          <FormError message={formError} />
          <Field id="webhook-url" label={t("endpointUrl")} hint={t("urlHint")} error={urlError} required>
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
            <legend className="text-sm font-medium text-foreground">{t("events")}</legend>
            <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
              {webhookEventTypes.map((type) => (
                <label key={type} className="flex min-h-6 items-center gap-2 break-all py-1 font-mono text-xs text-foreground">
                  <input type="checkbox" value={type} {...form.register("eventTypes")} />
                  {type}
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
            {submitting ? t("adding") : t("addEndpoint")}
          </Button>
        </form>
      </Card>

      {endpoints.length === 0 ? (
        <EmptyState title={t("noEndpoints")}>{t("noEndpointsText")}</EmptyState>
      ) : (
        endpoints.map((e) => (
          <Card key={e.id}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0 space-y-1">
                <h2 className="break-all font-mono text-sm font-semibold text-foreground">{e.url}</h2>
                <p className="text-xs text-muted-foreground">
                  {e.disabledAt ? (
                    <>
                      <Badge tone="rejected">{t("disabled")}</Badge>{" "}
                      {t.rich("disabledAfterFailing", { when: () => <RelativeTime date={e.disabledAt} /> })}
                    </>
                  ) : (
                    <Badge tone="active">{t("enabled")}</Badge>
                  )}{" "}
                  · {t.rich("added", { when: () => <RelativeTime date={e.createdAt} /> })}
                </p>
                <p className="break-words text-xs text-muted-foreground">{e.eventTypes.join(", ")}</p>
              </div>
              <div className="flex flex-wrap gap-2">
                {e.disabledAt ? (
                  <Button size="sm" variant="secondary" onClick={() => run(actions.enable({ endpointId: e.id }), t("enabledNow"))}>
                    {t("enable")}
                  </Button>
                ) : (
                  <Button size="sm" variant="secondary" onClick={() => run(actions.sendTest({ endpointId: e.id }), t("testSent"))}>
                    {t("sendTestEvent")}
                  </Button>
                )}
                <Button size="sm" variant="danger" onClick={() => setRemoving(e)}>
                  {t("delete")}
                </Button>
              </div>
            </div>
            <h3 className="mt-4 text-sm font-semibold text-foreground">{t("deliveries")}</h3>
            {e.deliveries.length === 0 ? (
              <p className="mt-1 text-sm text-muted-foreground">{t("nothingSent")}</p>
            ) : (
              <ul className="mt-2 divide-y divide-border rounded-md border border-border">
                {e.deliveries.map((d) => (
                  <li key={d.id} className="space-y-1 px-3 py-2 text-sm">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <p className="min-w-0 break-all">
                        <span className="font-mono text-foreground">{d.eventType}</span>{" "}
                        <Badge tone={deliveryTone[d.status]}>{t(`delivery.${d.status}`)}</Badge>
                      </p>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={Boolean(e.disabledAt)}
                        onClick={() => run(actions.redeliver({ deliveryId: d.id }), t("sentAgain"))}
                      >
                        {t("redeliver")}
                      </Button>
                    </div>
                    <p className="break-all text-xs text-muted-foreground">
                      <span className="font-mono">{d.eventId}</span> · {t("attempt", { attempt: d.attempts })}
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
        title={t("deleteTitle")}
        description={<span className="break-all">{t("deleteText", { url: removing?.url ?? "" })}</span>}
        confirmLabel={t("deleteEndpoint")}
        busyLabel={t("deleting")}
        tone="danger"
        onConfirm={async () => {
          if (!removing) return;
          const result = await actions.remove({ endpointId: removing.id });
          if (!result.ok) return result.error;
          notify(t("deleted"));
          setRemoving(null);
        }}
      />
    </div>
  );
}
