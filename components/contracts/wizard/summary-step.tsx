import { ButtonLink } from "@/components/ui/button";
import type { ContractSummary } from "@/lib/contracts/contract-summary";
import { kindLabel } from "@/lib/format";
import { CopyField } from "./copy-field";

export function SummaryStep({ summary, signeeEmail }: { summary: ContractSummary; signeeEmail?: string }) {
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-base font-semibold text-foreground">Service contract created</h2>
        <p className="text-sm text-muted-foreground">
          Copy the activation link and pass it to your reseller. It is also on the contract&apos;s details screen.
        </p>
      </div>
      <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-muted-foreground">Contract ID</dt>
        <dd className="font-mono text-foreground" data-testid="summary-contract-id">
          {summary.publicId}
        </dd>
        <dt className="font-medium text-muted-foreground">Agreement</dt>
        <dd className="text-foreground">
          {summary.agreementName} <span className="font-mono text-muted-foreground">{summary.agreementPublicId}</span>, version{" "}
          {summary.versionNumber}
        </dd>
        <dt className="font-medium text-muted-foreground">Kind</dt>
        <dd className="text-foreground">{kindLabel[summary.kind]}</dd>
        <dt className="font-medium text-muted-foreground">Permissions</dt>
        <dd className="text-foreground">
          {summary.permissions.length ? (
            <ul className="list-disc pl-5">
              {summary.permissions.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            "No agreement creation permissions"
          )}
        </dd>
      </dl>
      <CopyField id="activation-link" label="Activation link" value={summary.activationLink} />
      {signeeEmail ? (
        <p className="text-sm text-muted-foreground">An invitation with this link is being emailed to {signeeEmail}.</p>
      ) : null}
      <div className="flex gap-3">
        <ButtonLink href={`/partners/contracts/${summary.publicId}`}>Go to Details</ButtonLink>
        <ButtonLink href="/partners/contracts" variant="secondary">
          Close
        </ButtonLink>
      </div>
    </div>
  );
}
