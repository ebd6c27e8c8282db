import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { appUrl, authSecret, env } from "@/lib/env";

/** 32 random bytes, base64url: exactly 43 characters of [A-Za-z0-9_-]. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newActivationToken(): string {
  return randomBytes(32).toString("base64url");
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function linkKey(): Buffer {
  const secret = env().LINK_ENCRYPTION_KEY || authSecret();
  return Buffer.from(hkdfSync("sha256", secret, "service-contracts", "activation-link-v1", 32));
}

/** AES-256-GCM; output is base64url(iv | tag | ciphertext). */
export function encryptToken(token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", linkKey(), iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function decryptToken(ciphertext: string): string {
  const raw = Buffer.from(ciphertext, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", linkKey(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** Links are built from APP_URL only, never from the request's Host headers. */
export function activationLink(token: string): string {
  return `${appUrl()}/activate/${token}`;
}

/** A fresh token with what the contracts table stores of it. */
export function issueToken(): { token: string; tokenHash: string; tokenCiphertext: string } {
  const token = newActivationToken();
  return { token, tokenHash: hashToken(token), tokenCiphertext: encryptToken(token) };
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
