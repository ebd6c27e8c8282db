import type { ReactNode } from "react";
import type { ActivationReview } from "@/lib/activation/resolve-activation-link";
import { Markdown } from "@/components/markdown";
import { describePermissions } from "@/lib/permissions";

/** What the reseller is asked to sign; rendered on the server and handed to the flow. */
export function ContractReview({ review }: { review: ActivationReview }): ReactNode {
  const granted = describePermissions(review.permissions);
  return (
    <div className="space-y-4">
      {review.kind === "test" ? (
        <div role="note" className="rounded-md border-2 border-purple-400 bg-purple-50 px-4 py-3 text-sm font-semibold text-purple-900">
          TEST contract: for testing only; it creates no real business relationship.
        </div>
      ) : null}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-500">Distributor</dt>
        <dd className="font-medium">{review.distributorName}</dd>
        <dt className="text-slate-500">Agreement</dt>
        <dd className="font-medium">
          {review.agreementName} <span className="text-slate-500">(version {review.versionNumber})</span>
        </dd>
        <dt className="text-slate-500">Contract</dt>
        <dd>{review.contractPublicId}</dd>
      </dl>
      <div>
        <h3 className="text-sm font-medium text-slate-800">Note to signee</h3>
        <p className="mt-1 whitespace-pre-wrap rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">{review.noteToSignee}</p>
      </div>
      <div>
        <h3 className="text-sm font-medium text-slate-800">Agreement text</h3>
        <div tabIndex={0} aria-label="Agreement text" className="mt-1 max-h-80 overflow-y-auto rounded-md border border-slate-200 bg-white px-4">
          {review.versionContentKind === "link" ? (
            <p className="my-3 text-sm">
              The agreement is published at{" "}
              <a className="text-brand-700 underline" href={review.versionContent.startsWith("https://") ? review.versionContent : undefined} rel="noopener noreferrer nofollow" target="_blank">
                {review.versionContent}
              </a>
            </p>
          ) : (
            <Markdown>{review.versionContent}</Markdown>
          )}
        </div>
      </div>
      <div>
        <h3 className="text-sm font-medium text-slate-800">Permissions this contract grants</h3>
        {granted.length ? (
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">{granted.map((g) => <li key={g}>{g}</li>)}</ul>
        ) : (
          <p className="mt-1 text-sm text-slate-700">No agreement creation permissions: you work in the Reseller Portal with the distributor&apos;s services.</p>
        )}
      </div>
    </div>
  );
}
