import type { AgreementDetails } from "@/lib/agreements/get-agreement";

const box = "rounded-md border px-3 py-2 text-sm";

/**
 * Notices read from the URL the last action moved to (`saved`, `published`): the next action moves
 * to another URL, so a notice never outlives the step it reports.
 */
export function AgreementNotices({ agreement, saved, published }: { agreement: AgreementDetails; saved?: number; published?: number }) {
  const savedDraft = saved !== undefined && agreement.versions.some((v) => v.number === saved && v.draft);
  const n = agreement.contractsWithUpdates;
  return (
    <>
      {savedDraft ? (
        <p role="status" className={`${box} border-emerald-200 bg-emerald-50 text-emerald-800`}>
          Version {saved} was saved as a draft. Nobody is asked to sign it until you publish it.
        </p>
      ) : null}
      {published !== undefined && agreement.activeVersion === published ? (
        <p role="status" className={`${box} border-emerald-200 bg-emerald-50 text-emerald-800`}>
          Version {published} was published.
        </p>
      ) : null}
      {n > 0 ? (
        <p role="status" className={`${box} border-amber-200 bg-amber-50 text-amber-900`}>
          {n === 1 ? "1 active contract is" : `${n} active contracts are`} on an older version: Updates available. The signees were emailed to sign v
          {agreement.activeVersion}.
        </p>
      ) : null}
    </>
  );
}
