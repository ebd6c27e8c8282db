"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { Action } from "@/lib/action-result";
import { publishConsequence, type PublishCounts } from "@/lib/agreements/publish-words";

type Props = { agreementId: string; number: number; counts: PublishCounts; publish: Action<{ agreementId: string; number: number }, unknown>; cancelHref: string };

/**
 * The Publish confirmation step, with the counts the server computed for this version (the page's
 * ?publish=N). Focus moves to its question when it opens; after Publish the page shows the result.
 */
export function PublishConfirm({ agreementId, number, counts, publish, cancelHref }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const confirm = () =>
    start(async () => {
      const result = await publish({ agreementId, number });
      if (!result.ok) return setError(result.error);
      router.replace(`/partners/agreements/${agreementId}?published=${number}`);
    });
  return (
    <section aria-labelledby="publish-question" className="rounded-lg border border-brand-200 bg-brand-50 p-6" data-testid="publish-confirm">
      <h3 id="publish-question" ref={heading} tabIndex={-1} className="text-base font-semibold text-slate-900">
        Publish version {number}?
      </h3>
      <p className="mt-1 text-sm text-slate-700">{publishConsequence(counts)}</p>
      <div className="mt-4 space-y-3">
        <FormError message={error} />
        <div className="flex gap-2">
          <Button onClick={confirm} disabled={pending}>
            {pending ? "Publishing…" : `Publish version ${number}`}
          </Button>
          <Link href={cancelHref} className={buttonClass("secondary")}>
            Cancel
          </Link>
        </div>
      </div>
    </section>
  );
}
