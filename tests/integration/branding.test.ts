import { deflateSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { GET as logoRoute } from "@/app/brand/[account]/logo/route";
import { removeLogoAction, updateBrandingAction } from "@/app/(portal)/settings/branding/actions";
import { getBranding, getLogo, LOGO_MAX_BYTES } from "@/lib/accounts/branding";
import { resolveActivationLink } from "@/lib/activation/resolve-activation-link";
import { actAs, db, makeAccount, makeAgreement, makeContract, makeMember, tokenOf } from "../support/factories";

/** A real PNG of the given size (solid colour), so the dimension check reads a real header. */
function png(width: number, height: number, pad = 0): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height, 0x40);
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(rows)),
    ...(pad ? [chunk("tEXt", Buffer.alloc(pad, 0x61))] : []),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const WEBP_1X1 = Buffer.from("UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=", "base64");
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>');
const GIF = Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");
const b64 = (b: Buffer) => b.toString("base64");
const get = (publicId: string, headers: Record<string, string> = {}, query = "") =>
  logoRoute(new Request(`http://localhost:3000/brand/${publicId}/logo${query}`, { headers }), {
    params: Promise.resolve({ account: publicId }),
  });

describe("Branding", () => {
  it("stores the uploaded logo and serves exactly its bytes, with its type, nosniff, an ETag and cache headers", async () => {
    const owner = await makeAccount();
    actAs(owner);
    const logo = png(120, 40);
    expect(await updateBrandingAction({ accentColor: "#0A7D48", logo: b64(logo) })).toMatchObject({ ok: true });
    const branding = await getBranding(await db(), owner.account.id);
    expect(branding.accentColor).toBe("#0a7d48");
    expect(branding.logoUrl).toMatch(new RegExp(`^/brand/${owner.account.publicId}/logo\\?v=[0-9a-f]{16}$`));

    const res = await get(owner.account.publicId, {}, branding.logoUrl!.slice(branding.logoUrl!.indexOf("?")));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(logo)).toBe(true);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("cache-control")).toContain("immutable");
    const etag = res.headers.get("etag")!;
    expect((await get(owner.account.publicId, { "if-none-match": etag })).status).toBe(304);
    expect((await get(owner.account.publicId)).headers.get("cache-control")).toBe("public, max-age=300");

    // WebP is accepted too; keeping the logo while changing only the colour.
    expect(await updateBrandingAction({ accentColor: "#123456", logo: b64(WEBP_1X1) })).toMatchObject({ ok: true });
    expect((await getLogo(await db(), owner.account.publicId))?.type).toBe("image/webp");
    expect(await updateBrandingAction({ accentColor: "#654321", logo: "" })).toMatchObject({ ok: true });
    expect((await getLogo(await db(), owner.account.publicId))?.bytes.equals(WEBP_1X1)).toBe(true);

    expect(await removeLogoAction({})).toMatchObject({ ok: true });
    expect((await get(owner.account.publicId)).status).toBe(404);
  });

  it("refuses SVG, GIF, text posing as PNG, a wrong magic number, oversized files and huge dimensions; stores nothing", async () => {
    const owner = await makeAccount();
    actAs(owner);
    const pngHeaderThenJunk = Buffer.concat([png(1, 1).subarray(0, 8), Buffer.from("<script>alert(1)</script>")]);
    const cases: [string, Buffer, RegExp][] = [
      ["svg", SVG, /PNG, JPEG or WebP/],
      ["gif", GIF, /PNG, JPEG or WebP/],
      ["html named .png", Buffer.from("<html><script>alert(1)</script></html>"), /PNG, JPEG or WebP/],
      [
        "jpeg magic on png body",
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), png(2, 2).subarray(3)]),
        /PNG, JPEG or WebP|could not be read/,
      ],
      ["png magic, junk body", pngHeaderThenJunk, /PNG, JPEG or WebP|could not be read/],
      ["too big", png(10, 10, LOGO_MAX_BYTES), /at most 256 KB/],
      ["too wide", png(4000, 1), /at most 2048 × 2048/],
    ];
    for (const [name, bytes, message] of cases) {
      const r = await updateBrandingAction({ accentColor: "#0a7d48", logo: b64(bytes) });
      expect(r, name).toMatchObject({ ok: false, fieldErrors: { logo: expect.stringMatching(message) } });
    }
    expect(await getLogo(await db(), owner.account.publicId)).toBeNull();
    for (const bad of ["red", "#12345g", "#1234567", "javascript:alert(1)", "#fff"]) {
      expect(await updateBrandingAction({ accentColor: bad, logo: "" }), bad).toMatchObject({
        ok: false,
        fieldErrors: { accentColor: expect.any(String) },
      });
    }
    expect(await getBranding(await db(), owner.account.id)).toEqual({ accentColor: null, logoUrl: null });
  });

  it("is for Owners and Admins only", async () => {
    const owner = await makeAccount();
    for (const role of ["member", "readonly"] as const) {
      actAs(await makeMember(owner, role));
      expect(await updateBrandingAction({ accentColor: "#0a7d48", logo: b64(png(2, 2)) })).toMatchObject({ ok: false });
    }
    actAs(await makeMember(owner, "admin"));
    expect(await updateBrandingAction({ accentColor: "#0a7d48", logo: b64(png(2, 2)) })).toMatchObject({ ok: true });
  });

  it("the activation page and the contract's emails show the issuer's logo and accent colour", async () => {
    const owner = await makeAccount({ name: "Branded Distribution Inc." });
    actAs(owner);
    await updateBrandingAction({ accentColor: "#ffd700", logo: b64(png(64, 64)) });
    const agreement = (await makeAgreement(owner)).agreement.publicId;
    const contract = await makeContract(owner, agreement, { signeeEmail: "signee-brand@example.test" });
    const link = await resolveActivationLink(await db(), tokenOf(contract.activationLink));
    if (link.state !== "pending") throw new Error(link.state);
    const { logoUrl } = await getBranding(await db(), owner.account.id);
    expect(link.review.brand).toEqual({ accentColor: "#ffd700", logoUrl });

    const [mail] = await (await db()).select().from(outbox).where(eq(outbox.to, "signee-brand@example.test"));
    expect(mail.html).toContain(`<img src="http://localhost:3000${logoUrl!}"`);
    // A light accent gets black text on its button (contrast), a dark one white.
    expect(mail.html).toContain("background:#ffd700;color:#000000");
  });
});
