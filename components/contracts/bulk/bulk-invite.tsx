"use client";

import Link from "next/link";
import { Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, inputClass } from "@/components/ui/field";
import { Card } from "@/components/ui/layout";
import { Notice } from "@/components/ui/notice";
import { DataTable, type Column } from "@/components/ui/table-shell";
import type { Action } from "@/lib/action-result";
import type { BulkPreview, BulkRowCheck, BulkRowResult } from "@/lib/bulk/bulk-invite";
import type { WizardAgreement } from "@/lib/contracts/list-wizard-agreements";

/** lib/bulk/schemas.ts (that module brings zod; the server checks every limit again). */
const BULK_BATCH = 25;
const MAX_BYTES = 600_000;

type Shared = { agreementId: string; linkExpiresOn: string; sendReminders: boolean };
export type BulkActions = {
  preview: Action<Shared & { csv: string }, BulkPreview>;
  run: Action<Shared & { csv: string; fileHash: string; from: number; count: number }, BulkRowResult[]>;
};

type Words = ReturnType<typeof useTranslations<"BulkInvite">>;

const checkColumns = (t: Words): Column<BulkRowCheck>[] => [
  { label: t("row"), cell: (r) => <span className="font-mono">{r.row}</span> },
  { label: t("column.signeeEmail"), primary: true, cell: (r) => <span className="break-all">{r.signeeEmail || "—"}</span> },
  { label: t("companyName"), cell: (r) => <span className="break-words">{r.companyName || "—"}</span> },
  {
    label: t("check"),
    cell: (r) =>
      r.problems.length ? (
        <ul className="list-disc space-y-0.5 pl-4 text-destructive-text">
          {r.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : (
        <Badge tone="active">{t("ready")}</Badge>
      ),
  },
];

const resultColumns = (t: Words): Column<BulkRowResult>[] => [
  { label: t("row"), cell: (r) => <span className="font-mono">{r.row}</span> },
  { label: t("column.signeeEmail"), primary: true, cell: (r) => <span className="break-all">{r.signeeEmail || "—"}</span> },
  {
    label: t("result"),
    cell: (r) =>
      r.outcome === "created" || r.outcome === "existing" ? (
        <span>
          <Link href={`/partners/contracts/${r.publicId}`} className="font-mono text-link hover:underline">
            {r.publicId}
          </Link>
          {r.outcome === "existing" ? <span className="text-muted-foreground"> {t("alreadyCreated")}</span> : null}
        </span>
      ) : (
        <span className="text-destructive-text">
          {r.outcome === "skipped" ? t("notCreated") : t("refused")} {"reason" in r ? r.reason : ""}
        </span>
      ),
  },
];

/**
 * Invite in bulk: choose what every row shares, upload the CSV, see every row checked, then create the
 * valid rows batch by batch with a progress bar. One run at a time; each row's key is derived on the
 * server from the file and the row, so running it again (or a double click) creates nothing twice.
 */
export function BulkInvite({
  agreements,
  defaultExpiry,
  minDate,
  maxDate,
  actions,
}: {
  agreements: WizardAgreement[];
  defaultExpiry: string;
  minDate: string;
  maxDate: string;
  actions: BulkActions;
}) {
  const t = useTranslations("BulkInvite");
  const [shared, setShared] = useState<Shared>({
    agreementId: agreements[0]?.publicId ?? "",
    linkExpiresOn: defaultExpiry,
    sendReminders: true,
  });
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [checking, setChecking] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<BulkRowResult[] | null>(null);
  const running = useRef(false);
  const [isRunning, setRunning] = useState(false);

  const reset = () => {
    setPreview(null);
    setResults(null);
    setProgress(null);
    setError(null);
  };

  async function check(text: string, s: Shared) {
    reset();
    setChecking(true);
    const r = await actions.preview({ csv: text, ...s });
    setChecking(false);
    if (r.ok) setPreview(r.data);
    else setError({ message: r.error, fields: r.fieldErrors ?? {} });
  }

  async function onFile(file: File | undefined) {
    reset();
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setError({ message: t("tooLarge"), fields: {} });
      return;
    }
    const text = await file.text();
    setCsv(text);
    setFileName(file.name);
    await check(text, shared);
  }

  async function create() {
    if (!preview || !csv || running.current) return;
    running.current = true;
    setRunning(true);
    const total = preview.rows.length;
    const all: BulkRowResult[] = [];
    setResults([]);
    setProgress({ done: 0, total });
    try {
      for (let from = 0; from < total; from += BULK_BATCH) {
        const r = await actions.run({ csv, ...shared, fileHash: preview.fileHash, from, count: Math.min(BULK_BATCH, total - from) });
        if (!r.ok) {
          setError({ message: r.error, fields: r.fieldErrors ?? {} });
          break;
        }
        all.push(...r.data);
        setResults([...all]);
        setProgress({ done: Math.min(from + BULK_BATCH, total), total });
      }
    } finally {
      running.current = false;
      setRunning(false);
    }
  }

  const made = results?.filter((r) => r.outcome === "created" || r.outcome === "existing").length ?? 0;
  const notMade = results ? results.length - made : 0;
  const busy = isRunning;
  const finished = progress !== null && progress.done >= progress.total;

  return (
    <div className="space-y-6">
      <Card>
        <div className="space-y-4">
          <FormError message={error?.message} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="bulkAgreement" label={t("serviceAgreement")} error={error?.fields.agreementId}>
              <select
                id="bulkAgreement"
                className={inputClass}
                value={shared.agreementId}
                disabled={busy}
                onChange={(e) => {
                  const s = { ...shared, agreementId: e.target.value };
                  setShared(s);
                  if (csv) void check(csv, s);
                }}
              >
                {agreements.map((a) => (
                  <option key={a.publicId} value={a.publicId}>
                    {t("agreementOption", { name: a.name, id: a.publicId, number: a.versionNumber })}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="bulkExpiry" label={t("linkExpiresOn")} error={error?.fields.linkExpiresOn} hint={t("linkExpiresOnHint")}>
              <Input
                id="bulkExpiry"
                type="date"
                min={minDate}
                max={maxDate}
                value={shared.linkExpiresOn}
                disabled={busy}
                error={error?.fields.linkExpiresOn}
                onChange={(e) => {
                  const s = { ...shared, linkExpiresOn: e.target.value };
                  setShared(s);
                  if (csv) void check(csv, s);
                }}
              />
            </Field>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={shared.sendReminders}
              disabled={busy}
              onChange={(e) => setShared({ ...shared, sendReminders: e.target.checked })}
            />{" "}
            {t("sendReminders")}
          </label>
          <Field id="bulkFile" label={t("csvFile")} error={error?.fields.csv} hint={t("csvHint")}>
            <input
              id="bulkFile"
              type="file"
              accept=".csv,text/csv"
              disabled={busy}
              className="block w-full text-sm text-foreground file:mr-3 file:rounded-md file:border file:border-border file:bg-muted file:px-3 file:py-1.5 file:text-sm file:text-foreground"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
          </Field>
          {checking ? <p className="text-sm text-muted-foreground">{t("checking")}</p> : null}
        </div>
      </Card>

      {preview && !results ? (
        <section aria-labelledby="bulk-check" className="space-y-3">
          <h2 id="bulk-check" className="text-base font-semibold text-foreground">
            {t("checked", {
              file: fileName,
              rows: preview.rows.length,
              ready: preview.valid,
              problems: preview.rows.length - preview.valid,
            })}
          </h2>
          {preview.valid > preview.invitesLeft ? <Notice tone="warning">{t("quota", { count: preview.invitesLeft })}</Notice> : null}
          {/* Rows with problems first: in a file of 1,000 rows they are what needs reading. */}
          <DataTable
            columns={checkColumns(t)}
            rows={[...preview.rows.filter((r) => r.problems.length), ...preview.rows.filter((r) => !r.problems.length)]}
            rowKey={(r) => r.row}
            caption={t("checkCaption")}
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={() => void create()} disabled={preview.valid === 0 || isRunning}>
              <Upload aria-hidden="true" /> {t("createCount", { count: preview.valid })}
            </Button>
            {preview.valid < preview.rows.length ? <p className="text-sm text-muted-foreground">{t("problemsNotCreated")}</p> : null}
          </div>
        </section>
      ) : null}

      {progress ? (
        <section aria-labelledby="bulk-result" className="space-y-3">
          <h2 id="bulk-result" className="text-base font-semibold text-foreground">
            {finished ? t("done", { made, notMade }) : t("creating")}
          </h2>
          <div>
            <progress className="h-2 w-full accent-primary" max={progress.total} value={progress.done} aria-label={t("rowsProcessed")} />
            <p className="mt-1 text-sm text-muted-foreground" aria-live="polite">
              {t("progress", { done: progress.done, total: progress.total })}
            </p>
          </div>
          {results && results.length ? (
            <DataTable columns={resultColumns(t)} rows={results} rowKey={(r) => r.row} caption={t("resultCaption")} />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
