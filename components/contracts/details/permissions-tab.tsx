import { Card } from "@/components/ui/layout";
import type { ContractDetails } from "@/lib/contracts/get-contract-details";
import { describePermissions } from "@/lib/permissions";

const when: Record<ContractDetails["status"], string> = {
  pending: "These permissions are delegated to your Partner once this contract is activated.",
  active: "These permissions are in effect: the partner holds them while this contract is active.",
  rejected: "The contract was rejected, so these permissions were never delegated.",
  terminated: "The contract was terminated, so these permissions were withdrawn.",
};

export function PermissionsTab({ contract: c }: { contract: ContractDetails }) {
  const lines = describePermissions(c.permissions);
  return (
    <Card>
      <h2 className="mb-2 text-base font-semibold text-foreground">Agreement creation permission</h2>
      {lines.length ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-foreground">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-foreground">
          No agreement creation permission: the partner can work under this contract but cannot create agreements.
        </p>
      )}
      <p className="mt-4 text-sm text-muted-foreground">{when[c.status]}</p>
    </Card>
  );
}
