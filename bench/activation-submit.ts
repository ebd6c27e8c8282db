import { PROGRESS_COOKIE, sealProgress } from "../lib/activation/progress-cookie";
import type { ActivationProgress } from "../lib/activation/progress";
import { hashToken } from "../lib/security/tokens";

/**
 * Ratio 6's Activate, as a browser without JavaScript posts it (docs/notes/activation.md): the link's
 * page carries the answers of steps 1–3 in its signed progress cookie, and Activate is a plain
 * multipart form posted back to the page. Steps 1–3 are not what is measured, so their outcome is
 * sealed here as the user step leaves it (the password already hashed once, argon2id).
 */
export function newResellerProgress(i: number, stamp: string, passwordHash: string): ActivationProgress {
  return {
    email: `bench-signer-${stamp}-${i}@reseller.test`,
    mode: "new",
    fullName: `Bench Signer ${i}`,
    passwordHash,
    company: { kind: "new", name: `Bench Company ${stamp} ${i} LLC` },
  };
}

/** The Cookie header a browser sends to /activate/<token> after answering steps 1–3 on that link. */
export function progressCookie(token: string, progress: ActivationProgress): string {
  return `${PROGRESS_COOKIE}=${sealProgress(hashToken(token), progress)}`;
}

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'", "#39": "'", "#x27": "'" };
const unescape = (s: string) => s.replace(/&(#x27|#39|amp|quot|lt|gt|apos);/g, (_, e: string) => ENTITIES[e]);
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name.replace(/\$/g, "\\$")}="([^"]*)"`, "i").exec(tag);
  return m ? unescape(m[1]) : null;
};

/**
 * The page's POST form that carries the link's token (the step's own form; Back and Reject are separate
 * GET forms): the fields a browser submits (React's hidden `$ACTION_…` inputs and the token) and its markup.
 */
export function stepForm(html: string): { fields: [string, string][]; markup: string } | null {
  for (const form of html.match(/<form\b[^>]*>[\s\S]*?<\/form>/gi) ?? []) {
    const open = /^<form\b[^>]*>/i.exec(form)![0];
    if ((attr(open, "method") ?? "get").toLowerCase() !== "post") continue;
    const fields: [string, string][] = [];
    for (const input of form.match(/<input\b[^>]*>/gi) ?? []) {
      const name = attr(input, "name");
      if (name && !/\sdisabled(=|\s|\/|>)/i.test(input)) fields.push([name, attr(input, "value") ?? ""]);
    }
    if (fields.some(([n]) => n === "token")) return { fields, markup: form };
  }
  return null;
}

export type PreparedPost = { path: string; headers: Record<string, string>; body: Buffer };

/** GETs the link's page with the cookie (as the browser arriving at step 4) and encodes its Activate form. */
export async function prepareActivatePost(base: string, token: string, cookie: string): Promise<PreparedPost | { refused: string }> {
  const path = `/activate/${token}`;
  const page = await fetch(base + path, { headers: { cookie } });
  const html = await page.text();
  const step = stepForm(html);
  if (page.status !== 200 || !step || !/>\s*Activate\s*<\/button>/.test(step.markup))
    return { refused: `GET ${path}: HTTP ${page.status}, ${step ? "not the Activate step" : "no step form"}` };
  const form = new FormData();
  for (const [k, v] of step.fields) form.append(k, v);
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  return { path, body, headers: { cookie, origin: base, "content-type": encoded.headers.get("content-type")!, accept: "text/html" } };
}

/** A no-JavaScript Activate that worked answers 303 to the Reseller Portal; a refusal re-renders the page (200). */
export const activated = (status: number, location: string | null | undefined) =>
  status === 303 && /^(https?:\/\/[^/]+)?\/reseller\?activated=/.test(location ?? "");
