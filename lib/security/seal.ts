import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { authSecret, env } from "@/lib/env";
import { derivedKey } from "./derived-key";

/** What a sealed value is for: each purpose has its own key, so one can never be read as another. */
export type SealPurpose = "activation-link-v1" | "two-factor-secret-v1" | "webhook-secret-v1";

function keyFor(purpose: SealPurpose): Buffer {
  return derivedKey(env().LINK_ENCRYPTION_KEY || authSecret(), purpose);
}

/**
 * Secrets the app must read back (activation links, TOTP secrets, webhook signing secrets), encrypted at
 * rest with AES-256-GCM under a key derived per purpose from LINK_ENCRYPTION_KEY (else AUTH_SECRET).
 * The output is base64url(iv | tag | ciphertext).
 */
export function seal(purpose: SealPurpose, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The text `seal` took; throws if the value was altered or sealed for another purpose or key. */
export function unseal(purpose: SealPurpose, sealed: string): string {
  const raw = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
