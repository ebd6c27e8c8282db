"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { Action } from "@/lib/action-result";

type VersionRef = { agreementId: string; number: number };

/** Activate and Delete of one version, passed in by the agreement's page. */
export type AgreementVersionActions = { activate: Action<VersionRef>; remove: Action<VersionRef> };

/** Activate and Delete for one version; Delete asks for confirmation, refusals are shown beside the row. */
export function VersionActions({ agreementId, number, active, actions }: VersionRef & { active: boolean; actions: AgreementVersionActions }) {
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const run = (action: Action<VersionRef>) =>
    start(async () => {
      setError(undefined);
      const result = await action({ agreementId, number });
      setConfirming(false);
      if (!result.ok) setError(result.error);
    });
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        {!active && !confirming ? (
          <Button variant="secondary" className="!px-3 !py-1" disabled={pending} onClick={() => run(actions.activate)}>
            Activate
          </Button>
        ) : null}
        {confirming ? (
          <>
            <span className="self-center text-sm text-slate-700">Delete version {number}?</span>
            <Button variant="danger" className="!px-3 !py-1" disabled={pending} onClick={() => run(actions.remove)}>
              Yes, delete
            </Button>
            <Button variant="ghost" className="!px-3 !py-1" disabled={pending} onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </>
        ) : (
          <Button variant="ghost" className="!px-3 !py-1 !text-red-700" disabled={pending} onClick={() => setConfirming(true)} aria-label={`Delete version ${number}`}>
            Delete
          </Button>
        )}
      </div>
      {error ? (
        <p role="alert" className="max-w-xs text-right text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
