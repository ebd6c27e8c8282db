import { errorKey } from "@/lib/message-keys";
import { AppError } from "@/lib/errors";
import type { LinkState } from "./resolve-activation-link";

export const WITHDRAWN_LINK_MESSAGE = errorKey("linkWithdrawn");

export const DELETED_LINK_MESSAGE = errorKey("linkDeleted");

export const INVALID_LINK_MESSAGE = errorKey("linkInvalidReplaced");

/** Why a link can no longer be acted on, as the typed error an action shows. */
export function linkRefusal(state: LinkState["state"]): AppError {
  switch (state) {
    case "activated":
      return new AppError("conflict", errorKey("linkContractActive"));
    case "expired":
      return new AppError("expired", errorKey("linkExpired"));
    case "rejected":
      return new AppError("conflict", errorKey("linkContractRejected"));
    case "withdrawn":
      return new AppError("forbidden", WITHDRAWN_LINK_MESSAGE);
    case "terminated":
      return new AppError("conflict", errorKey("linkContractTerminated"));
    case "deleted":
      return new AppError("not_found", DELETED_LINK_MESSAGE);
    default:
      return new AppError("not_found", INVALID_LINK_MESSAGE);
  }
}
