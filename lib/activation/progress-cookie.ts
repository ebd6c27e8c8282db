import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";
import { derivedKey } from "@/lib/security/derived-key";
import { progressSchema, type ActivationProgress } from "./progress";

export const PROGRESS_COOKIE = "scp_activation";
/** Long enough to read an agreement and fill three short forms; after that the steps start again. */
export const PROGRESS_TTL_SECONDS = 30 * 60;

const VERSION = "v1";

function key(purpose: string): Buffer {
  return derivedKey(authSecret(), `activation-progress-${purpose}-v1`);
}

function mac(body: string): Buffer {
  return createHmac("sha256", key("mac")).update(`${VERSION}.${body}`).digest();
}

/** The password hash is secret even from the visitor's own browser: AES-256-GCM, bound to the link. */
function encrypt(text: string, tokenHash: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key("enc"), iv);
  cipher.setAAD(Buffer.from(tokenHash));
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

function decrypt(sealed: string, tokenHash: string): string {
  const raw = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key("enc"), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(tokenHash));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/**
 * The cookie value: base64url(JSON) "." HMAC-SHA256. The JSON names the link (its token hash) and an
 * expiry, so a copied value is worthless on another link or after half an hour.
 */
export function sealProgress(tokenHash: string, progress: ActivationProgress, now = Date.now()): string {
  const { passwordHash, ...rest } = progress;
  const payload = {
    th: tokenHash,
    exp: Math.floor(now / 1000) + PROGRESS_TTL_SECONDS,
    p: { ...rest, ...(passwordHash ? { pw: encrypt(passwordHash, tokenHash) } : {}) },
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(body).toString("base64url")}`;
}

/** The progress for this link, or null for anything missing, altered, expired or made for another link. */
export function openProgress(tokenHash: string, value: string | undefined, now = Date.now()): ActivationProgress | null {
  if (!value || value.length > 4096) return null;
  const [body, signature, extra] = value.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { th?: unknown; exp?: unknown; p?: { pw?: unknown } };
    if (payload.th !== tokenHash || typeof payload.exp !== "number" || payload.exp * 1000 <= now) return null;
    const { pw, ...rest } = payload.p ?? {};
    const parsed = progressSchema.safeParse({ ...rest, ...(typeof pw === "string" ? { passwordHash: decrypt(pw, tokenHash) } : {}) });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
