import { o } from "./run-options";
import type { BenchData } from "./seed";
import { DIST_DIR } from "./server";
import { hashPassword } from "../lib/security/passwords";
import { activated, newResellerProgress, prepareActivatePost, progressCookie, type PreparedPost } from "./activation-submit";
import { actionHeaders, actionId, forwardedFor, preparedPostRate, submissionRate, submitOnce, type Submission } from "./submissions";

const PASSWORD = "a long bench reseller passphrase";

/** Steps 1–3 answered (sealed progress cookie, the password hashed once as the user step does), then each page's Activate form. */
async function prepareActivatePosts(base: string, tokens: string[]) {
  const hash = await hashPassword(PASSWORD);
  const stamp = Date.now().toString(36);
  const posts: (PreparedPost | { refused: string })[] = [];
  for (const [i, token] of tokens.entries())
    posts.push(await prepareActivatePost(base, token, progressCookie(token, newResellerProgress(i, stamp, hash))));
  return posts;
}

/** Ratio 6: the two submissions that matter (Activate and Create), as the browser posts them; only the posts are timed. */
export async function measureSubmissions(base: string, data: BenchData, cookie: string, notes: string[]) {
  const out = { activation: null as number | null, createContract: null as number | null };
  const createId = await actionId(DIST_DIR, "createContractAction", "partners/contracts/actions");
  if (createId) {
    const expires = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const create: Submission = {
      pagePath: () => "/partners/contracts/new",
      headers: actionHeaders(createId, cookie),
      args: () => [
        {
          agreementId: data.agreementPublicId,
          kind: "production",
          program: false,
          delegate: true,
          noteToSignee: "Welcome aboard.",
          linkExpiresOn: expires,
        },
      ],
    };
    const once = await submitOnce(base, create, 0);
    if (once.ok) {
      const r = await submissionRate(base, create, { connections: o.connections, seconds: o.seconds * 2, first: 1 });
      notes.push(`Create Contract: ${r.good} of ${r.total} submissions answered without an HTTP error.`);
      out.createContract = r.perSecond;
    } else notes.push(`Create Contract submission refused, not measured: ${once.detail}`);
  } else notes.push("Create Contract action not found in the build: not available.");

  if (data.tokens.length > 2) {
    // Token 0 stays pending: it is the activation page that gets loaded. Token 1 checks the post works.
    const posts = await prepareActivatePosts(base, data.tokens.slice(1));
    const first = posts.shift();
    if (!first || "refused" in first) notes.push(`activation submission refused, not measured: ${first ? first.refused : "no link"}`);
    else {
      const res = await fetch(base + first.path, {
        method: "POST",
        headers: { ...first.headers, "x-forwarded-for": forwardedFor(1) },
        body: new Uint8Array(first.body),
        redirect: "manual",
      });
      const location = res.headers.get("location");
      if (!activated(res.status, location))
        notes.push(
          `activation submission refused, not measured: HTTP ${res.status}${location ? ` → ${location}` : ""} ${(await res.text()).slice(0, 200)}`,
        );
      else {
        const ready = posts.filter((p): p is PreparedPost => !("refused" in p));
        const r = await preparedPostRate(base, ready, Math.min(o.connections, 8), activated);
        notes.push(
          `Activate: ${r.good} of ${r.total} no-JavaScript Activate posts answered 303 to the Reseller Portal (HTTP statuses ${JSON.stringify(r.statuses)}; ${posts.length - ready.length} links not at step 4).`,
        );
        out.activation = r.perSecond;
      }
    }
  } else notes.push("no pending activation links: Activate not available.");
  return out;
}
