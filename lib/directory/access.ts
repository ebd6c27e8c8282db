import { errorKey } from "@/lib/message-keys";
import type { Viewer } from "@/lib/accounts/viewer";
import { AppError } from "@/lib/errors";

/** Create Partner makes a service agreement and a contract, so it needs service.create (as createPartner checks). */
export function assertMayInvitePartners(viewer: Viewer): void {
  if (!viewer.permissions.agreement.service.create) {
    throw new AppError("forbidden", errorKey("invitePartnersForbidden"));
  }
}
