"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import type { Action } from "@/lib/action-result";

type VersionRef = { agreementId: string; number: number };

/** Delete of one version, passed in by the agreement's page (Publish is its own confirmed step). */
export type AgreementVersionActions = { remove: Action<VersionRef> };

type Props = VersionRef & { active: boolean; deleteRefusal: string | null; actions: AgreementVersionActions };

/**
 * Publish (a link to the confirmation step, which tells who will be asked to sign) and Delete, which
 * asks first; a version that cannot be deleted has Delete disabled with the reason beside it.
 */
export function VersionActions({ agreementId, number, active, deleteRefusal, actions }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const base = `/partners/agreements/${agreementId}`;
  const remove = () =>
    start(async () => {
      setError(undefined);
      const result = await actions.remove({ agreementId, number });
      setConfirming(false);
      if (!result.ok) return setError(result.error);
      // A clean URL: no notice of an earlier step (or of the deleted version) stays on screen.
      router.replace(base);
    });
  const reasonId = `delete-refusal-${number}`;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        {!active && !confirming ? (
          <ButtonLink href={`${base}?publish=${number}`} variant="secondary" className="!px-3 !py-1" aria-label={`Publish version ${number}`}>
            Publish
          </ButtonLink>
        ) : null}
        {confirming ? (
          <>
            <span className="self-center text-sm text-slate-700">Delete version {number}?</span>
            <Button variant="danger" className="!px-3 !py-1" disabled={pending} onClick={remove}>
              Yes, delete
            </Button>
            <Button variant="ghost" className="!px-3 !py-1" disabled={pending} onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </>
        ) : (
          <Button
            variant="ghost"
            className="!px-3 !py-1 !text-red-700 disabled:!text-slate-400"
            disabled={pending || deleteRefusal !== null}
            onClick={() => setConfirming(true)}
            aria-label={`Delete version ${number}`}
            aria-describedby={deleteRefusal ? reasonId : undefined}
          >
            Delete
          </Button>
        )}
      </div>
      {deleteRefusal ? (
        <p id={reasonId} className="max-w-xs text-right text-xs text-slate-600">
          {deleteRefusal}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="max-w-xs text-right text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
