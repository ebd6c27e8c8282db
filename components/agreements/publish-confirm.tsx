"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useFormAction } from "@/components/ui/action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { FormAction } from "@/lib/action-result";
import type { PublishPreview } from "@/lib/agreements/get-publish-preview";
import { publishConsequence } from "@/lib/agreements/publish-words";

type Props = { agreementId: string; preview: PublishPreview; publish: FormAction<unknown>; cancelHref: string };

/**
 * The Publish confirmation step, with the counts the server computed for this version. A plain form
 * posted to the action, so it works before JavaScript loads; focus moves to its question when it opens.
 */
export function PublishConfirm({ agreementId, preview, publish, cancelHref }: Props) {
  const { formAction, pending, formError } = useFormAction(publish);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="publish-question" className="rounded-lg border border-brand-200 bg-brand-50 p-6" data-testid="publish-confirm">
      <h3 id="publish-question" ref={heading} tabIndex={-1} className="text-base font-semibold text-slate-900">
        Publish version {preview.number}?
      </h3>
      <p className="mt-1 text-sm text-slate-700">{publishConsequence(preview)}</p>
      <form action={formAction} className="mt-4 space-y-3">
        <FormError message={formError} />
        <input type="hidden" name="agreementId" value={agreementId} />
        <input type="hidden" name="number" value={preview.number} />
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Publishing…" : `Publish version ${preview.number}`}
          </Button>
          <Link href={cancelHref} className={buttonClass("secondary")}>
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
