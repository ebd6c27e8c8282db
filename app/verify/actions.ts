"use server";

import { getDb } from "@/db/client";
import { failure, type ActionResult } from "@/lib/action-result";
import { getLocale } from "@/lib/i18n/server";
import { AppError } from "@/lib/errors";
import { checkEvidenceFile, MAX_EVIDENCE_BYTES, type EvidenceCheck } from "@/lib/evidence/verify-upload";

/**
 * Public by design (the Verify page is for anybody holding a certificate): reads the posted file, writes
 * nothing. A plain form post, so it works without JavaScript.
 */
export async function verifyEvidenceAction(_previous: unknown, input: FormData): Promise<ActionResult<EvidenceCheck>> {
  try {
    const file = input instanceof FormData ? input.get("file") : null;
    if (!(file instanceof Blob) || file.size === 0)
      throw new AppError("invalid", "Choose a certificate file (JSON or PDF).", { file: "Choose a certificate file (JSON or PDF)." });
    if (file.size > MAX_EVIDENCE_BYTES)
      throw new AppError("invalid", "This file is too large to be a certificate.", { file: "Too large." });
    return { ok: true, data: await checkEvidenceFile(await getDb(), new Uint8Array(await file.arrayBuffer())) };
  } catch (e) {
    return failure(e, await getLocale());
  }
}
