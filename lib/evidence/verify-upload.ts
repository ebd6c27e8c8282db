import "server-only";
import type { DbOrTx } from "@/db/client";
import { verifySubjectChain } from "@/lib/audit/event-chain";
import { certificateRecord } from "./certificate";
import { verifyJsonText, type EvidenceDocument } from "./document";
import { trustedKeys } from "./keys";
import { isPdf, pdfAttachments, verifyPdf, JSON_ATTACHMENT } from "./pdf";

/** The largest file the Verify page reads (a certificate is a few kilobytes, its PDF rarely 200). */
export const MAX_EVIDENCE_BYTES = 900_000;

/** What the Verify page says about a file: only what the file itself holds, plus "matches the record" or not. */
export type EvidenceCheck = {
  status: "valid" | "altered" | "unknown_key" | "unreadable";
  fileKind: "json" | "pdf";
  keyId: string | null;
  /** Altered fields (dotted paths), or "signature". */
  fields: string[];
  reason: string | null;
  /** For a valid or altered file: what it claims (the holder already has it). */
  claims: { certificateCode: string; contractId: string; versionNumber: string; signedAt: string } | null;
  /** A valid file, compared with what the database would issue for its code today. */
  record: "matches" | "differs" | "unknown" | null;
};

export async function checkEvidenceFile(db: DbOrTx, bytes: Uint8Array): Promise<EvidenceCheck> {
  const trusted = trustedKeys();
  const pdf = isPdf(bytes);
  const result = pdf ? await verifyPdf(bytes, trusted) : verifyJsonText(Buffer.from(bytes).toString("utf8"), trusted);
  const base: EvidenceCheck = {
    status: result.status,
    fileKind: pdf ? "pdf" : "json",
    keyId: "keyId" in result ? result.keyId || null : null,
    fields: result.status === "altered" ? result.fields : [],
    reason: result.status === "unreadable" ? result.reason : null,
    claims: null,
    record: null,
  };
  if (result.status !== "valid" && result.status !== "altered") return base;
  const c = result.certificate;
  base.claims = {
    certificateCode: String(c.certificateCode ?? ""),
    contractId: String(c.contractId ?? ""),
    versionNumber: String(c.versionNumber ?? ""),
    signedAt: String(c.signedAt ?? ""),
  };
  if (result.status === "valid") {
    const signature = pdf
      ? await signatureInPdf(bytes)
      : (JSON.parse(Buffer.from(bytes).toString("utf8")) as EvidenceDocument).signature.value;
    const record = await certificateRecord(db, base.claims.certificateCode);
    base.record = !record ? "unknown" : record.signature === signature ? "matches" : "differs";
  }
  return base;
}

async function signatureInPdf(bytes: Uint8Array): Promise<string> {
  const json = (await pdfAttachments(bytes)).get(JSON_ATTACHMENT)!;
  return (JSON.parse(Buffer.from(json).toString("utf8")) as EvidenceDocument).signature.value;
}

/** /verify?c=CODE: the record's signature and its contract's chain, nothing about the parties. */
export async function lookUpCode(db: DbOrTx, code: string) {
  const record = await certificateRecord(db, code);
  if (!record) return null;
  const chain = await verifySubjectChain(db, record.contractDbId);
  return { code: record.code, signature: record.signature, historyIntact: chain.broken === null };
}
