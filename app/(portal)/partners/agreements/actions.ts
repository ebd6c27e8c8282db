"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { failure, type ActionResult } from "@/lib/action-result";
import { activateAgreementVersion } from "@/lib/agreements/activate-agreement-version";
import { addAgreementVersion } from "@/lib/agreements/add-agreement-version";
import { createAgreement } from "@/lib/agreements/create-agreement";
import { deleteAgreementVersion } from "@/lib/agreements/delete-agreement-version";
import type { AddVersionInput, CreateAgreementInput, VersionRef } from "@/lib/agreements/schemas";
import { kickOutbox } from "@/lib/email/outbox-sender";
import { publicIdPattern } from "@/lib/ids";
import { requireActionViewer } from "@/lib/session";

// Each domain function parses its input again with the form's zod schema, so the browser's values are
// never trusted; the agreement is looked up by public ID within the caller's account only.

export async function createAgreementAction(input: CreateAgreementInput): Promise<ActionResult> {
  let publicId: string;
  try {
    const viewer = await requireActionViewer();
    publicId = (await createAgreement(await getDb(), viewer, input)).publicId;
  } catch (e) {
    return failure(e);
  }
  revalidatePath("/partners/agreements");
  redirect(`/partners/agreements/${publicId}`);
}

export async function addAgreementVersionAction(input: AddVersionInput): Promise<ActionResult<{ number: number }>> {
  let number: number;
  try {
    const viewer = await requireActionViewer();
    number = (await addAgreementVersion(await getDb(), viewer, input)).number;
  } catch (e) {
    return failure(e);
  }
  kickOutbox(); // with Activate version checked, resellers hear of the new version
  revalidateAgreement(input.agreementId);
  return { ok: true, data: { number } };
}

export async function activateAgreementVersionAction(input: VersionRef): Promise<ActionResult> {
  try {
    const viewer = await requireActionViewer();
    await activateAgreementVersion(await getDb(), viewer, input);
  } catch (e) {
    return failure(e);
  }
  kickOutbox(); // resellers on an older version hear of the new one
  revalidateAgreement(input.agreementId);
  return { ok: true, data: undefined };
}

export async function deleteAgreementVersionAction(input: VersionRef): Promise<ActionResult> {
  try {
    const viewer = await requireActionViewer();
    await deleteAgreementVersion(await getDb(), viewer, input);
  } catch (e) {
    return failure(e);
  }
  revalidateAgreement(input.agreementId);
  return { ok: true, data: undefined };
}

function revalidateAgreement(publicId: unknown): void {
  revalidatePath("/partners/agreements");
  if (typeof publicId === "string" && publicIdPattern.agreement.test(publicId)) revalidatePath(`/partners/agreements/${publicId}`);
}
