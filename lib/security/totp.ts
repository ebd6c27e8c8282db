import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { authSecret, env } from "@/lib/env";

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = "Service Contracts";

function totpFor(secretBase32: string, label = "user"): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh 160-bit secret, base32 (what the user may type instead of scanning the QR code). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI the QR code holds. */
export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

/** The code for a moment (tests and the e2e helper compute codes the same way). */
export function totpCode(secretBase32: string, at: Date): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}

/**
 * The time step a code belongs to when it is valid at `at` (one step of drift either way), else null.
 * Callers store the step of the last accepted code and refuse any step not after it (no replay).
 */
export function totpStep(secretBase32: string, code: string, at: Date): number | null {
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

function secretKey(): Buffer {
  const secret = env().LINK_ENCRYPTION_KEY || authSecret();
  return Buffer.from(hkdfSync("sha256", secret, "service-contracts", "two-factor-secret-v1", 32));
}

/** AES-256-GCM with a key derived from AUTH_SECRET (or LINK_ENCRYPTION_KEY): base64url(iv | tag | ciphertext). */
export function encryptTotpSecret(secretBase32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secretKey(), iv);
  const body = Buffer.concat([cipher.update(secretBase32, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function decryptTotpSecret(ciphertext: string): string {
  const raw = Buffer.from(ciphertext, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", secretKey(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

const RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // 32 symbols, no 0/o, 1/l look-alikes

/** Ten codes like "k7m2p-x9q4r": 50 random bits each, shown once, stored as sha-256. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b & 31]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}
