import { Card } from "@/components/ui/layout";
import { RelativeTime } from "@/components/ui/relative-time";
import type { FormAction } from "@/lib/action-result";
import type { ContractDetails } from "@/lib/contracts/get-contract-details";
import { describePermissions, type Permissions } from "@/lib/permissions";
import { AcceptProposalForm } from "./proposal-review";

function Lines({ p }: { p: Permissions }) {
  const lines = describePermissions(p);
  return lines.length ? (
    <ul className="list-disc space-y-1 pl-5 text-sm text-foreground">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  ) : (
    <p className="text-sm text-foreground">No agreement creation permission.</p>
  );
}

/** Issue 21: what the distributor proposes on this contract, to review and accept (Reseller Portal). */
export function PendingProposals({ contract: c, accept }: { contract: ContractDetails; accept: FormAction }) {
  if (c.status !== "active" || c.proposals.length === 0) return null;
  return (
    <div className="mt-6 space-y-4" id="proposals">
      {c.proposals.map((p) =>
        p.kind === "permissions" && p.permissions ? (
          <Card key={p.id} className="space-y-4">
            <h2 className="text-lg font-semibold text-foreground">Review the proposed permissions</h2>
            <p className="text-sm text-muted-foreground">
              {c.issuer.name} proposes to change what this contract lets your company do. Nothing changes unless you accept, before the
              proposal expires <RelativeTime date={p.expiresAt} />.
            </p>
            <div className="grid gap-4 lg:grid-cols-2">
              <section aria-label="Current permissions" className="min-w-0 rounded-md border border-border p-4">
                <h3 className="mb-2 text-sm font-semibold text-foreground">Now</h3>
                <Lines p={c.permissions} />
              </section>
              <section aria-label="Proposed permissions" className="min-w-0 rounded-md border border-border p-4">
                <h3 className="mb-2 text-sm font-semibold text-foreground">Proposed</h3>
                <Lines p={p.permissions} />
              </section>
            </div>
            <AcceptProposalForm
              contractPublicId={c.publicId}
              proposalId={p.id}
              label="Accept permissions"
              statement="I have reviewed the proposed permissions and accept them for my company"
              accept={accept}
            />
          </Card>
        ) : p.kind === "promotion" ? (
          <Card key={p.id} className="space-y-4">
            <h2 className="text-lg font-semibold text-foreground">Review the promotion to Production</h2>
            <p className="text-sm text-foreground">
              {c.issuer.name} proposes to replace this Test contract with a Production contract under &ldquo;{c.agreement.name}&rdquo;
              {c.activeVersionNumber ? `, version ${c.activeVersionNumber}` : ""}, with the same permissions. Your company and users stay
              the same. When you accept, you sign that version, the Production contract becomes active and this Test contract ends.
            </p>
            <p className="text-sm text-muted-foreground">
              Read the agreement from the General tab (View version). The proposal expires <RelativeTime date={p.expiresAt} />.
            </p>
            <AcceptProposalForm
              contractPublicId={c.publicId}
              proposalId={p.id}
              label="Accept and sign"
              statement="I have read and accepted the agreement for the Production contract"
              accept={accept}
            />
          </Card>
        ) : null,
      )}
    </div>
  );
}
