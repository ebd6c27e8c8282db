import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { seal, unseal } from "@/lib/security/seal";

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** The signing secret, sealed at rest (lib/security/seal.ts): signing needs it back. */
export const encryptSecret = (secret: string): string => seal("webhook-secret-v1", secret);
export const decryptSecret = (ciphertext: string): string => unseal("webhook-secret-v1", ciphertext);

/** The `Scp-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>`. */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

/** What a receiver does (README "Verifying webhooks"): recompute, compare in constant time, refuse old timestamps. */
export function verifySignature(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
