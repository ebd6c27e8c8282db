import "server-only";
import { createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from "node:crypto";
import { authSecret, env, isProduction } from "@/lib/env";
import { log } from "@/lib/log";
import { keyIdOf, publicKeyFromRaw, rawPublicKey, type EvidenceKey, type TrustedKey } from "./document";

// PKCS#8 DER of an Ed25519 private key is this fixed prefix followed by the 32-byte seed (RFC 8410).
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export const fromSeed = (seed: Buffer): KeyObject =>
  createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });

function parseSetting(value: string): KeyObject {
  const text = value.trim();
  if (text.startsWith("-----BEGIN")) {
    const key = createPrivateKey(text);
    if (key.asymmetricKeyType !== "ed25519") throw new Error("SCP_EVIDENCE_SIGNING_KEY: the PEM key is not an Ed25519 private key.");
    return key;
  }
  const seed = Buffer.from(text, "base64");
  if (seed.length !== 32) throw new Error("SCP_EVIDENCE_SIGNING_KEY: give a PKCS#8 PEM Ed25519 key or its 32-byte seed in base64.");
  return fromSeed(seed);
}

let cached: { source: string; key: EvidenceKey } | undefined;
let warned = false;

/**
 * The deployment's signing key: SCP_EVIDENCE_SIGNING_KEY, or (unset) derived from AUTH_SECRET with HKDF, so
 * development and tests need nothing and every instance of one deployment derives the same key. In production
 * the derived key works but a warning says to set one: rotating AUTH_SECRET would otherwise change it, and
 * certificates signed before would then read "unknown key" (unless listed in SCP_EVIDENCE_PREVIOUS_KEYS).
 */
export function evidenceKey(): EvidenceKey {
  const setting = env().SCP_EVIDENCE_SIGNING_KEY;
  const source = setting ? `set:${setting}` : `derived:${authSecret()}`;
  if (cached?.source === source) return cached.key;
  let privateKey: KeyObject;
  if (setting) privateKey = parseSetting(setting);
  else {
    if (isProduction() && !warned) {
      warned = true;
      log.warn("SCP_EVIDENCE_SIGNING_KEY is not set: certificates are signed with a key derived from AUTH_SECRET", {
        component: "evidence",
      });
    }
    privateKey = fromSeed(Buffer.from(hkdfSync("sha256", authSecret(), "service-contracts", "evidence-signing-key-ed25519-v1", 32)));
  }
  const publicKey = createPublicKey(privateKey);
  const publicKeyBase64 = rawPublicKey(publicKey);
  const key = { keyId: keyIdOf(publicKeyBase64), privateKey, publicKey, publicKeyBase64 };
  cached = { source, key };
  return key;
}

/** The keys a certificate may be signed with: the current one, then the earlier ones still trusted. */
export function trustedKeys(): TrustedKey[] {
  const { keyId, publicKey, publicKeyBase64 } = evidenceKey();
  const previous = (env().SCP_EVIDENCE_PREVIOUS_KEYS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((b64) => ({ keyId: keyIdOf(b64), publicKey: publicKeyFromRaw(b64), publicKeyBase64: b64 }));
  return [{ keyId, publicKey, publicKeyBase64 }, ...previous];
}

/** What /.well-known/scp-evidence-key serves. */
export function publishedKeys() {
  const [current, ...previous] = trustedKeys();
  const show = (k: TrustedKey) => ({ keyId: k.keyId, algorithm: "Ed25519", publicKey: k.publicKeyBase64 });
  return { current: show(current), previous: previous.map(show) };
}
