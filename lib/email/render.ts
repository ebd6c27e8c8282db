import { textOn } from "@/lib/accounts/brand-url";
// Every user-supplied field goes through escapeHtml before it reaches an HTML email.
import { escapeHtml } from "@/lib/html";

/**
 * Subjects (and any other header-bound text) never carry line breaks (header injection), control
 * characters, or bidi overrides, embeddings, isolates and marks, which would let a company name
 * reorder what the reader sees ("Acme\u202Ecod.exe").
 */
export function cleanSubject(value: string): string {
  return value
    .replace(/[\r\n\t\v\f\u0085\u2028\u2029]+/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/ {2,}/g, " ")
    .trim();
}

export type Block = {
  heading?: string;
  paragraphs: string[];
  button?: { label: string; href: string };
  footer?: string;
  /** The sending account's branding (Settings → Branding): an absolute logo URL and an accent colour (#rrggbb). */
  brand?: { logoUrl: string | null; accentColor: string | null; name: string };
  /** "Or paste this link into your browser:" in the reader's language (lib/email/locale.ts). */
  pasteLabel?: string;
};

const HEX = /^#[0-9a-f]{6}$/i;

/** A plain, readable HTML part and its text twin from the same blocks (inputs are raw; escaped here). */
export function renderEmail(block: Block): { html: string; text: string } {
  // The accent paints the button (its text black or white, whichever contrasts more) and a thin top rule.
  const accent = block.brand?.accentColor && HEX.test(block.brand.accentColor) ? block.brand.accentColor : null;
  const buttonBg = accent ?? "#1d5fd1";
  const buttonFg = accent ? textOn(accent) : "#fff";
  const html = [
    `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">`,
    accent ? `<div style="height:4px;background:${accent};margin-bottom:16px"></div>` : "",
    block.brand?.logoUrl
      ? `<p><img src="${escapeHtml(block.brand.logoUrl)}" alt="${escapeHtml(block.brand.name)}" height="40" style="height:40px;max-width:200px"></p>`
      : "",
    block.heading ? `<h1 style="font-size:20px">${escapeHtml(block.heading)}</h1>` : "",
    ...block.paragraphs.map((p) => `<p style="line-height:1.5;white-space:pre-wrap">${escapeHtml(p)}</p>`),
    block.button
      ? `<p><a href="${escapeHtml(block.button.href)}" style="display:inline-block;background:${buttonBg};color:${buttonFg};padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(block.button.label)}</a></p><p style="font-size:12px;color:#475569">${escapeHtml(block.pasteLabel ?? "Or paste this link into your browser:")} ${escapeHtml(block.button.href)}</p>`
      : "",
    block.footer ? `<p style="font-size:12px;color:#64748b">${escapeHtml(block.footer)}</p>` : "",
    `</body></html>`,
  ].join("");
  const text = [
    block.heading ?? "",
    ...block.paragraphs,
    block.button ? `${block.button.label}: ${block.button.href}` : "",
    block.footer ?? "",
  ]
    .filter(Boolean)
    .join("\n\n");
  return { html, text };
}
