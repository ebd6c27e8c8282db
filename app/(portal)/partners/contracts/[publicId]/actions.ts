"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { Viewer } from "@/lib/accounts/viewer";
import { failure, type ActionResult } from "@/lib/action-result";
import { deleteContract } from "@/lib/contracts/delete-contract";
import { editNote } from "@/lib/contracts/edit-note";
import { emailLink } from "@/lib/contracts/email-link";
import { kickOutbox } from "@/lib/email/outbox-sender";
import { regenerateLink } from "@/lib/contracts/regenerate-link";
import { terminateContract } from "@/lib/contracts/terminate-contract";
import { requireActionViewer } from "@/lib/session";

/**
 * Thin adapters: session and origin first, then the domain function (which parses the input with the
 * form's zod schema and scopes everything to the caller's account), then revalidate outside try/catch.
 */
async function run<T>(input: unknown, fn: (db: Awaited<ReturnType<typeof getDb>>, viewer: Viewer, input: unknown) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const viewer = await requireActionViewer();
    return { ok: true, data: await fn(await getDb(), viewer, input) };
  } catch (e) {
    return failure(e);
  }
}

function refresh(input: unknown): void {
  const id = (input as { publicId?: unknown } | null)?.publicId;
  if (typeof id === "string") revalidatePath(`/partners/contracts/${encodeURIComponent(id)}`);
  revalidatePath("/partners/contracts");
}

/** After a committed change that queued mail: deliver it now rather than at the sender's next tick. */
function sent(input: unknown): void {
  kickOutbox();
  refresh(input);
}

export async function editNoteAction(input: unknown): Promise<ActionResult<void>> {
  const result = await run(input, editNote);
  if (result.ok) refresh(input);
  return result;
}

export async function regenerateLinkAction(input: unknown): Promise<ActionResult<{ activationLink: string }>> {
  const result = await run(input, async (db, viewer, i) => ({ activationLink: (await regenerateLink(db, viewer, i)).activationLink }));
  if (result.ok) refresh(input);
  return result;
}

export async function emailLinkAction(input: unknown): Promise<ActionResult<{ to: string }>> {
  const result = await run(input, emailLink);
  if (result.ok) sent(input);
  return result;
}

export async function terminateContractAction(input: unknown): Promise<ActionResult<void>> {
  const result = await run(input, terminateContract);
  if (result.ok) sent(input);
  return result;
}

/** On success the contract is gone: back to the list. */
export async function deleteContractAction(input: unknown): Promise<ActionResult<void>> {
  const result = await run(input, deleteContract);
  if (!result.ok) return result;
  refresh(input);
  redirect("/partners/contracts");
}
