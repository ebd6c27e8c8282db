import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/layout";

/** The same page for a contract that never existed, was deleted, or belongs to another account. */
export default function ContractNotFound() {
  return (
    <EmptyState level={1} title="Contract not found" action={<ButtonLink href="/partners/contracts">Back to Contracts</ButtonLink>}>
      This contract does not exist, was deleted, or is not one of yours. Check the contract ID, or find it in the Contracts list.
    </EmptyState>
  );
}
