import { CopyField } from "@/components/contracts/wizard/copy-field";
import { ButtonLink } from "@/components/ui/button";
import type { CreatedPartner } from "@/lib/directory/create-partner";

export function PartnerCreated({ created }: { created: CreatedPartner }) {
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-base font-semibold text-foreground">Partner invited</h2>
        <p className="text-sm text-muted-foreground">
          An invitation with the activation link is being emailed to {created.contactEmail}. You can also copy the link and pass it on
          yourself; it is on the contract&apos;s details screen too.
        </p>
      </div>
      <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-muted-foreground">Company name</dt>
        <dd className="text-foreground">{created.companyName}</dd>
        <dt className="font-medium text-muted-foreground">Contract ID</dt>
        <dd className="font-mono text-foreground" data-testid="created-contract-id">
          {created.contractPublicId}
        </dd>
        <dt className="font-medium text-muted-foreground">Agreement</dt>
        <dd className="text-foreground">
          {created.agreementName} <span className="font-mono text-muted-foreground">{created.agreementPublicId}</span>, version{" "}
          {created.versionNumber}
        </dd>
      </dl>
      <CopyField id="activation-link" label="Activation link" value={created.activationLink} />
      <div className="flex gap-3">
        <ButtonLink href={`/partners/contracts/${created.contractPublicId}`}>Go to Details</ButtonLink>
        <ButtonLink href="/partners/directory" variant="secondary">
          Go to Directory
        </ButtonLink>
      </div>
    </div>
  );
}
