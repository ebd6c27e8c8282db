import type { Action } from "@/lib/action-result";

/** The issuer's server actions, passed in by the page so these components never import from app/. */
export type DetailsActions = {
  editNote: Action<{ publicId: string; noteToSignee: string }, void>;
  regenerateLink: Action<{ publicId: string; linkExpiresOn: string }, { activationLink: string }>;
  emailLink: Action<{ publicId: string; signeeEmail: string }, { to: string }>;
  deleteContract: Action<{ publicId: string }, void>;
  terminateContract: Action<{ publicId: string; reason: string }, void>;
  // Issue 21: contract terms over time.
  extendContract: Action<{ publicId: string; endsOn: string }, { endsAt: Date }>;
  changePermissions: Action<
    { publicId: string; program: boolean; delegate: boolean },
    { outcome: "narrowed" | "proposed"; grants: { program: boolean; delegate: boolean } }
  >;
  withdrawProposal: Action<{ publicId: string; kind: "permissions" | "promotion" }, void>;
  promoteContract: Action<{ publicId: string }, void>;
  /** Issue 18; optional so the reseller portal's view needs none. */
  extendExpiry?: Action<{ publicId: string; linkExpiresOn: string; currentExpiresAt: string }, { linkExpiresAt: string }>;
};

export type { DetailsMode } from "@/lib/contracts/get-contract-details";
