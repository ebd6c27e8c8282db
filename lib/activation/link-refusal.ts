import { AppError } from "@/lib/errors";
import type { LinkState } from "./resolve-activation-link";

export const WITHDRAWN_LINK_MESSAGE =
  "This invitation can no longer be accepted: the company that sent it may no longer grant what it offers. Contact them if you have questions.";

export const DELETED_LINK_MESSAGE =
  "The distributor deleted this contract, so its link can no longer be used. Ask your distributor for a new one if you expected it.";

export const INVALID_LINK_MESSAGE =
  "This activation link is not valid. It may have been replaced by a newer link. Ask your distributor for a new one.";

/** Why a link can no longer be acted on, as the typed error an action shows. */
export function linkRefusal(state: LinkState["state"]): AppError {
  switch (state) {
    case "activated":
      return new AppError("conflict", "This contract is already active. Sign in to work in the Reseller Portal.");
    case "expired":
      return new AppError("expired", "This activation link has expired. Ask your distributor for a new one.");
    case "rejected":
      return new AppError("conflict", "This contract was rejected and can no longer be activated.");
    case "withdrawn":
      return new AppError("forbidden", WITHDRAWN_LINK_MESSAGE);
    case "terminated":
      return new AppError("conflict", "This contract was terminated and can no longer be activated.");
    case "deleted":
      return new AppError("not_found", DELETED_LINK_MESSAGE);
    default:
      return new AppError("not_found", INVALID_LINK_MESSAGE);
  }
}
