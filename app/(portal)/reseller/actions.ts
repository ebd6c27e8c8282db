"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { failure } from "@/lib/action-result";
import { formDataOf } from "@/lib/form-data";
import { signContractVersion } from "@/lib/reseller/sign-contract-version";
import { requireActionViewer } from "@/lib/session";

export type SignState = { error?: string; fieldErrors?: Record<string, string> };

const field = (fd: FormData, k: string) => (typeof fd.get(k) === "string" ? (fd.get(k) as string) : "");

/**
 * The Versions tab's Sign form (works without JavaScript). The domain function scopes the contract to
 * the caller's account and signs only if the contract is still on the version the page showed.
 */
export async function signVersionAction(_prev: SignState, sent: FormData): Promise<SignState> {
  const formData = formDataOf(sent);
  let signed: { contractPublicId: string; versionNumber: number };
  try {
    const viewer = await requireActionViewer();
    if (formData.get("accepted") !== "on") {
      return { error: "Please confirm you have read and accepted the agreement.", fieldErrors: { accepted: "Check this box to sign the new version." } };
    }
    signed = await signContractVersion(await getDb(), viewer, {
      contractPublicId: field(formData, "contractPublicId"),
      agreementVersionId: field(formData, "agreementVersionId"),
      fromVersionId: field(formData, "fromVersionId"),
    });
  } catch (e) {
    const f = failure(e);
    return f.ok ? {} : { error: f.error, fieldErrors: f.fieldErrors };
  }
  revalidatePath("/reseller");
  const id = encodeURIComponent(signed.contractPublicId);
  revalidatePath(`/reseller/contracts/${id}`);
  redirect(`/reseller/contracts/${id}?tab=versions&signed=${signed.versionNumber}`);
}
