"use server";

import { revalidatePath } from "next/cache";
import { anyViewer, defineFormAction } from "@/lib/actions/define-action";
import { signContractVersion } from "@/lib/reseller/sign-contract-version";
import { signVersionFormSchema } from "@/lib/reseller/schemas";

/**
 * The Versions tab's Sign form (works without JavaScript). Any signed-in viewer: the domain function
 * finds the contract among the caller's own and signs only if it is still on the version the page showed.
 */
export const signVersionAction = defineFormAction({
  input: signVersionFormSchema,
  authorize: anyViewer,
  invalidMessage: "Please confirm you have read and accepted the agreement.",
  run: signContractVersion,
  after: (signed) => {
    revalidatePath("/reseller");
    revalidatePath(`/reseller/contracts/${encodeURIComponent(signed.contractPublicId)}`);
  },
  redirectTo: (signed) => `/reseller/contracts/${encodeURIComponent(signed.contractPublicId)}?tab=versions&signed=${signed.versionNumber}`,
});
