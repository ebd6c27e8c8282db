import { errorKey } from "@/lib/message-keys";
import type { Viewer } from "@/lib/accounts/viewer";
import { AppError } from "@/lib/errors";
import { partnersTabs } from "@/lib/reseller/partners-access";

/** The Agreements tab's rule (program or service creation), for the API's agreement reads. */
export function assertMayUseAgreements(viewer: Viewer): void {
  if (!partnersTabs(viewer).includes("agreements")) throw new AppError("forbidden", errorKey("agreementsForbidden"));
}
