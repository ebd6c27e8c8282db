import type { ActionResult } from "@/lib/action-result";

/** The issuer's server actions, passed in by the page so these components never import from app/. */
export type DetailsActions = {
  editNote: (input: { publicId: string; noteToSignee: string }) => Promise<ActionResult<void>>;
  regenerateLink: (input: { publicId: string; linkExpiresOn: string }) => Promise<ActionResult<{ activationLink: string }>>;
  emailLink: (input: { publicId: string; signeeEmail: string }) => Promise<ActionResult<{ to: string }>>;
  deleteContract: (input: { publicId: string }) => Promise<ActionResult<void>>;
  terminateContract: (input: { publicId: string; reason: string }) => Promise<ActionResult<void>>;
};

export type { DetailsMode } from "@/lib/contracts/get-contract-details";
