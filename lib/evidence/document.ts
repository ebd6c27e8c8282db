// Plain module (no "server-only"): the Verify page's action, the download routes and the offline command
// `npm run verify-evidence` all read and check certificates with this same code.
import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * A certificate of acceptance as a JSON document (docs/notes/evidence.md):
 *
 *   { "format": "scp-certificate-of-acceptance/v1", "certificate": { …fields… }, "signature": { … } }
 *
 * The signature does not sign the certificate's bytes directly: it signs (Ed25519) the canonical JSON
 * (RFC 8785) of { format, keyId, digests }, where `digests` maps every leaf field of the certificate
 * (`signee.email`, `events[1].hash`, …) to the SHA-256 of its canonical value. A verifier checks the signature
 * over the digests, then each field against its digest, so it can say *which* fields were altered, added
 * or removed, not only that something was.
 */
export const CERTIFICATE_FORMAT = "scp-certificate-of-acceptance/v1";

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type SignatureBlock = {
  algorithm: "Ed25519";
  keyId: string;
  /** The signing key's public key (base64, 32 raw bytes): for information; trust comes from the published key. */
  publicKey: string;
  digests: Record<string, string>;
  /** base64url */
  value: string;
};

export type EvidenceDocument = { format: string; certificate: Record<string, Json>; signature: SignatureBlock };

const canonical = (value: unknown): string => canonicalize(value) ?? "null";
const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** Every leaf of a JSON value with its path: `a.b`, `list[0].c`; empty objects and arrays are leaves too. */
export function leaves(value: Json, path = "", out: Record<string, Json> = {}): Record<string, Json> {
  if (Array.isArray(value)) {
    if (value.length === 0 || !path) out[path || "(root)"] = value;
    value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) out[path || "(root)"] = value;
    for (const k of keys) leaves(value[k], path ? `${path}.${k}` : k, out);
  } else out[path || "(root)"] = value;
  return out;
}

export function fieldDigests(certificate: Record<string, Json>): Record<string, string> {
  return Object.fromEntries(Object.entries(leaves(certificate)).map(([path, v]) => [path, sha256(canonical(v))]));
}

const signedMessage = (keyId: string, digests: Record<string, string>): Buffer =>
  Buffer.from(canonical({ format: CERTIFICATE_FORMAT, keyId, digests }), "utf8");

export type EvidenceKey = { keyId: string; privateKey: KeyObject; publicKey: KeyObject; publicKeyBase64: string };

/** The raw 32 bytes of an Ed25519 public key, base64. */
export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: "jwk" });
  return Buffer.from(jwk.x!, "base64url").toString("base64");
}

/** A key's id: "ed25519:" and the first 16 hex digits of the SHA-256 of its raw public key. */
export function keyIdOf(publicKeyBase64: string): string {
  return `ed25519:${createHash("sha256").update(Buffer.from(publicKeyBase64, "base64")).digest("hex").slice(0, 16)}`;
}

/** A public key from its base64 raw bytes. */
export function publicKeyFromRaw(base64: string): KeyObject {
  const raw = Buffer.from(base64.trim(), "base64");
  if (raw.length !== 32) throw new Error("An Ed25519 public key is 32 bytes (base64).");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
}

export function signCertificate(certificate: Record<string, Json>, key: EvidenceKey): EvidenceDocument {
  const digests = fieldDigests(certificate);
  const value = sign(null, signedMessage(key.keyId, digests), key.privateKey).toString("base64url");
  return {
    format: CERTIFICATE_FORMAT,
    certificate,
    signature: { algorithm: "Ed25519", keyId: key.keyId, publicKey: key.publicKeyBase64, digests, value },
  };
}

/** The document as the JSON file hands it out (and as the PDF embeds it). */
export const serializeDocument = (doc: EvidenceDocument): string => `${JSON.stringify(doc, null, 2)}\n`;

export type TrustedKey = { keyId: string; publicKey: KeyObject; publicKeyBase64: string };

export type Verification =
  | { status: "valid"; keyId: string; certificate: Record<string, Json> }
  /** `fields`: the certificate fields whose value no longer matches what was signed (or "signature"). */
  | { status: "altered"; keyId: string; fields: string[]; certificate: Record<string, Json> }
  /** Signed by a key this deployment does not publish; `selfConsistent`: valid for the key the file names. */
  | { status: "unknown_key"; keyId: string; selfConsistent: boolean }
  | { status: "unreadable"; reason: string };

function isDocument(v: unknown): v is EvidenceDocument {
  if (!v || typeof v !== "object") return false;
  const d = v as Partial<EvidenceDocument>;
  const s = d.signature as Partial<SignatureBlock> | undefined;
  return (
    typeof d.format === "string" &&
    !!d.certificate &&
    typeof d.certificate === "object" &&
    !Array.isArray(d.certificate) &&
    !!s &&
    typeof s.keyId === "string" &&
    typeof s.value === "string" &&
    !!s.digests &&
    typeof s.digests === "object" &&
    Object.values(s.digests).every((x) => typeof x === "string")
  );
}

const signatureHolds = (doc: EvidenceDocument, key: KeyObject): boolean => {
  try {
    return verify(null, signedMessage(doc.signature.keyId, doc.signature.digests), key, Buffer.from(doc.signature.value, "base64url"));
  } catch {
    return false;
  }
};

/** Checks a parsed JSON value against the trusted keys: valid, altered (which fields), unknown key, or unreadable. */
export function verifyDocument(value: unknown, trusted: TrustedKey[]): Verification {
  if (!isDocument(value) || value.format !== CERTIFICATE_FORMAT)
    return { status: "unreadable", reason: "This is not a certificate of acceptance of this product." };
  const doc = value;
  const key = trusted.find((k) => k.keyId === doc.signature.keyId);
  if (!key) {
    let selfConsistent = false;
    try {
      const own = publicKeyFromRaw(doc.signature.publicKey);
      selfConsistent = keyIdOf(doc.signature.publicKey) === doc.signature.keyId && signatureHolds(doc, own);
    } catch {
      selfConsistent = false;
    }
    return { status: "unknown_key", keyId: doc.signature.keyId, selfConsistent };
  }
  if (!signatureHolds(doc, key.publicKey))
    return { status: "altered", keyId: key.keyId, fields: ["signature"], certificate: doc.certificate };
  const signed = doc.signature.digests;
  const now = fieldDigests(doc.certificate);
  const fields = [...new Set([...Object.keys(signed), ...Object.keys(now)])].filter((f) => signed[f] !== now[f]);
  if (fields.length > 0) return { status: "altered", keyId: key.keyId, fields, certificate: doc.certificate };
  return { status: "valid", keyId: key.keyId, certificate: doc.certificate };
}

/** Parses and checks the text of a JSON file. */
export function verifyJsonText(text: string, trusted: TrustedKey[]): Verification {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { status: "unreadable", reason: "The file is not valid JSON." };
  }
  return verifyDocument(parsed, trusted);
}

/** The certificate code as printed (ABCD-EF01-2345-6789) from the stored 16 hex digits, and back. */
export const formatCode = (code: string): string => code.match(/.{1,4}/g)!.join("-");
export function normalizeCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  return /^[0-9A-F]{16}$/.test(code) ? code : null;
}
