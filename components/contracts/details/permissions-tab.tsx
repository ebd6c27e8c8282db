import { Card } from "@/components/ui/layout";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ContractDetails, DetailsMode } from "@/lib/contracts/get-contract-details";
import { describePermissions, type Permissions } from "@/lib/permissions";
import { ChangePermissionsForm, WithdrawProposalButton } from "./permissions-change";
import type { DetailsActions } from "./types";

const when: Record<ContractDetails["status"], string> = {
  pending: "These permissions are delegated to your Partner once this contract is activated.",
  active: "These permissions are in effect: the partner holds them while this contract is active.",
  rejected: "The contract was rejected, so these permissions were never delegated.",
  terminated: "The contract was terminated, so these permissions were withdrawn.",
  expired: "The contract reached its end date and expired, so these permissions were withdrawn.",
};

function PermissionLines({ permissions }: { permissions: Permissions }) {
  const lines = describePermissions(permissions);
  return lines.length ? (
    <ul className="list-disc space-y-1 pl-5 text-sm text-foreground">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  ) : (
    <p className="text-sm text-foreground">
      No agreement creation permission: the partner can work under this contract but cannot create agreements.
    </p>
  );
}

/** Current permissions, the proposed ones waiting for the partner, and (issuer, active) the form to change them. */
export function PermissionsTab({
  contract: c,
  mode = "issuer",
  change,
  withdraw,
  canDelegate = false,
  canProgram = false,
}: {
  contract: ContractDetails;
  mode?: DetailsMode;
  change?: DetailsActions["changePermissions"];
  withdraw?: DetailsActions["withdrawProposal"];
  canDelegate?: boolean;
  canProgram?: boolean;
}) {
  const proposal = c.proposals.find((p) => p.kind === "permissions");
  return (
    <div className="space-y-4">
      <Card>
        <h2 className="mb-2 text-base font-semibold text-foreground">Agreement creation permission</h2>
        <PermissionLines permissions={c.permissions} />
        <p className="mt-4 text-sm text-muted-foreground">{when[c.status]}</p>
      </Card>
      {proposal?.permissions ? (
        <Card>
          <h2 className="mb-2 text-base font-semibold text-foreground">Proposed permissions</h2>
          <PermissionLines permissions={proposal.permissions} />
          <p className="mt-4 text-sm text-muted-foreground">
            {mode === "issuer"
              ? "Waiting for the partner to accept them in the Reseller Portal. "
              : "Waiting for your acceptance: review them below the contract. "}
            The proposal expires <RelativeTime date={proposal.expiresAt} />.
          </p>
          {withdraw ? <WithdrawProposalButton publicId={c.publicId} withdraw={withdraw} /> : null}
        </Card>
      ) : null}
      {change && c.status === "active" ? (
        <ChangePermissionsForm
          publicId={c.publicId}
          current={{ program: c.permissions.agreement.program.create, delegate: c.permissions.agreement.service.create }}
          change={change}
          canDelegate={canDelegate}
          canProgram={canProgram}
        />
      ) : null}
    </div>
  );
}
