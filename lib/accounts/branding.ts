import { errorKey, v } from "@/lib/message-keys";
import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { imageSize } from "image-size";
import type { Db, DbOrTx } from "@/db/client";
import { accountBranding, accounts } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { publicIdPattern } from "@/lib/ids";
import { logSecurity } from "@/lib/log";
import { logoPath } from "./brand-url";
import { brandingSchema } from "./security-schemas";
import type { Viewer } from "./viewer";

export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_MAX_SIDE = 2048;
export type LogoType = "image/png" | "image/jpeg" | "image/webp";

/**
 * What the bytes are, from their first bytes only (never the name or the browser's claim): PNG, JPEG or
 * WebP. SVG is refused on purpose: it is a document that can carry script.
 */
export function sniffLogoType(bytes: Uint8Array): LogoType | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP") return "image/webp";
  return null;
}

const REFUSED_TYPE = errorKey("imageTypeRefused");

/** Checks an uploaded logo: size, type by magic bytes, readable dimensions within 2048 × 2048. */
export function checkLogo(bytes: Uint8Array): { type: LogoType; width: number; height: number } {
  if (bytes.byteLength === 0) throw new AppError("invalid", errorKey("imageRequired"), { logo: errorKey("imageRequired") });
  if (bytes.byteLength > LOGO_MAX_BYTES) {
    const m = errorKey("logoTooLargeKb", { kb: LOGO_MAX_BYTES / 1024 });
    throw new AppError("invalid", m, { logo: m });
  }
  const type = sniffLogoType(bytes);
  if (!type) throw new AppError("invalid", REFUSED_TYPE, { logo: REFUSED_TYPE });
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    throw new AppError("invalid", errorKey("imageUnreadableSaveAgain"), {
      logo: errorKey("imageUnreadable"),
    });
  }
  const expected = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" }[type];
  if (size.type !== expected || !size.width || !size.height) throw new AppError("invalid", REFUSED_TYPE, { logo: REFUSED_TYPE });
  if (size.width > LOGO_MAX_SIDE || size.height > LOGO_MAX_SIDE) {
    const m = errorKey("logoTooLargeSide", { side: LOGO_MAX_SIDE });
    throw new AppError("invalid", m, { logo: m });
  }
  return { type, width: size.width, height: size.height };
}

export type Branding = { accentColor: string | null; logoUrl: string | null };

/** An account's branding as its pages and emails show it (relative logo URL; emails make it absolute). */
export async function getBranding(db: DbOrTx, accountId: string): Promise<Branding> {
  const [row] = await db
    .select({ accentColor: accountBranding.accentColor, logoHash: accountBranding.logoHash, publicId: accounts.publicId })
    .from(accountBranding)
    .innerJoin(accounts, eq(accounts.id, accountBranding.accountId))
    .where(eq(accountBranding.accountId, accountId))
    .limit(1);
  if (!row) return { accentColor: null, logoUrl: null };
  return { accentColor: row.accentColor, logoUrl: row.logoHash ? logoPath(row.publicId, row.logoHash) : null };
}

export const absoluteLogoUrl = (b: Branding): string | null => (b.logoUrl ? `${appUrl()}${b.logoUrl}` : null);

/** The logo's bytes for the public route, by account public ID. */
export async function getLogo(db: DbOrTx, accountPublicId: string): Promise<{ bytes: Buffer; type: string; hash: string } | null> {
  if (!publicIdPattern.account.test(accountPublicId)) return null;
  const [row] = await db
    .select({ logo: accountBranding.logo, type: accountBranding.logoType, hash: accountBranding.logoHash })
    .from(accountBranding)
    .innerJoin(accounts, eq(accounts.id, accountBranding.accountId))
    .where(eq(accounts.publicId, accountPublicId))
    .limit(1);
  if (!row?.logo || !row.type || !row.hash) return null;
  return { bytes: row.logo, type: row.type, hash: row.hash };
}

/** Branding (Owners and Admins): the accent colour, and a new logo when one was chosen. */
export async function updateBranding(db: Db, viewer: Viewer, raw: unknown): Promise<Branding> {
  const parsed = brandingSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const i of parsed.error.issues)
      fieldErrors[String(i.path[0] ?? "accentColor")] ??= i.path[0] === "logo" ? i.message : v("colourInvalid");
    throw new AppError("invalid", errorKey("invalid"), fieldErrors);
  }
  const accentColor = parsed.data.accentColor || null;
  const logo = parsed.data.logo ? Buffer.from(parsed.data.logo, "base64") : null;
  const checked = logo ? { ...checkLogo(logo), bytes: logo } : null;
  const set = {
    accentColor,
    updatedAt: new Date(),
    ...(checked ? { logo: checked.bytes, logoType: checked.type, logoHash: createHash("sha256").update(checked.bytes).digest("hex") } : {}),
  };
  await db
    .insert(accountBranding)
    .values({ accountId: viewer.accountId, ...set })
    .onConflictDoUpdate({ target: accountBranding.accountId, set });
  logSecurity("account.branding_changed", { account: viewer.accountPublicId, user: viewer.userPublicId, logo: Boolean(checked) });
  return getBranding(db, viewer.accountId);
}

/** Removes the logo (the accent colour stays). */
export async function removeLogo(db: Db, viewer: Viewer): Promise<void> {
  await db
    .update(accountBranding)
    .set({ logo: null, logoType: null, logoHash: null, updatedAt: new Date() })
    .where(eq(accountBranding.accountId, viewer.accountId));
}
