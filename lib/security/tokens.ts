import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { appUrl } from "@/lib/env";
import { seal, unseal } from "./seal";

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

/** The activation link's token, sealed at rest (lib/security/seal.ts) so a pending contract can show its link. */
export const encryptToken = (token: string): string => seal("activation-link-v1", token);
export const decryptToken = (ciphertext: string): string => unseal("activation-link-v1", ciphertext);

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
