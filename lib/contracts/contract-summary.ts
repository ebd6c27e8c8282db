import { describePermissions } from "@/lib/permissions";
import type { CreatedContract } from "./create-contract";

/** What the wizard's Summary step shows of the contract just created (permissions in words). */
export type ContractSummary = {
  publicId: string;
  agreementName: string;
  agreementPublicId: string;
  versionNumber: number;
  kind: "test" | "production";
  permissions: string[];
  activationLink: string;
};

export function contractSummary(created: CreatedContract): ContractSummary {
  const { publicId, agreementName, agreementPublicId, versionNumber, kind, activationLink } = created;
  return {
    publicId,
    agreementName,
    agreementPublicId,
    versionNumber,
    kind,
    permissions: describePermissions(created.permissions),
    activationLink,
  };
}
