import { timedRun } from "./load";
import { readFile } from "node:fs/promises";
import path from "node:path";

type Manifest = { node?: Record<string, { exportedName?: string; filename?: string }> };

/** The server action's id, read from the build's server-reference manifest (null when it is not built). */
export async function actionId(distDir: string, exportedName: string, fileHint: string): Promise<string | null> {
  try {
    const m = JSON.parse(await readFile(path.join(distDir, "server/server-reference-manifest.json"), "utf8")) as Manifest;
    for (const [id, entry] of Object.entries(m.node ?? {})) {
      if (entry.exportedName === exportedName && (entry.filename ?? "").includes(fileHint)) return id;
    }
  } catch {
    /* no manifest: not available */
  }
  return null;
}

export type Submission = {
  pagePath: (i: number) => string;
  args: (i: number) => unknown[];
  headers: Record<string, string>;
};

export const actionHeaders = (id: string, cookie?: string) => ({
  "next-action": id,
  "content-type": "text/plain;charset=UTF-8",
  accept: "text/x-component",
  ...(cookie ? { cookie } : {}),
});

/** One call, as the browser would make it: did the action succeed (no error in its answer)? */
export async function submitOnce(base: string, s: Submission, i: number): Promise<{ ok: boolean; detail: string }> {
  const res = await fetch(base + s.pagePath(i), {
    method: "POST",
    headers: s.headers,
    body: JSON.stringify(s.args(i)),
    redirect: "manual",
  });
  const text = await res.text();
  const redirected = res.headers.get("x-action-redirect") ?? res.headers.get("location");
  const ok = res.status < 400 && (redirected !== null || (/"ok":true/.test(text) && !/"ok":false/.test(text)));
  return { ok, detail: `HTTP ${res.status}${redirected ? ` → ${redirected}` : ""} ${text.slice(0, 200)}` };
}

/** Successful submissions per second under load; `amount` caps single-use inputs (activation tokens). */
export async function submissionRate(
  base: string,
  s: Submission,
  o: { connections: number; seconds: number; amount?: number; first: number },
) {
  let i = o.first;
  const { result: r, seconds } = await timedRun({
    url: base,
    connections: o.connections,
    pipelining: 1,
    ...(o.amount ? { amount: o.amount } : { duration: o.seconds }),
    requests: [
      {
        method: "POST",
        setupRequest: (req: Record<string, unknown>) => {
          const n = i++;
          return {
            ...req,
            path: s.pagePath(n),
            headers: { ...s.headers, "x-forwarded-for": forwardedFor(n) },
            body: JSON.stringify(s.args(n)),
          };
        },
      },
    ],
  });
  const result = r as { requests: { total: number }; statusCodeStats?: Record<string, { count: number }> };
  const good = Object.entries(result.statusCodeStats ?? {}).reduce((a, [code, v]) => a + (Number(code) < 400 ? v.count : 0), 0);
  return { perSecond: seconds > 0 ? good / seconds : null, total: result.requests.total, good };
}

type Post = { path: string; headers: Record<string, string>; body: Buffer };

/**
 * Prepared single-use posts, each sent once from its own address; only the answers `good` accepts
 * (status and headers, e.g. Activate's 303 to the portal) count as submissions.
 */
export async function preparedPostRate(
  base: string,
  posts: Post[],
  connections: number,
  good: (status: number, location: string | undefined) => boolean,
) {
  let i = 0;
  let ok = 0;
  const statuses: Record<string, number> = {};
  const { result: r, seconds } = await timedRun({
    url: base,
    connections: Math.min(connections, posts.length),
    pipelining: 1,
    amount: posts.length,
    requests: [
      {
        method: "POST",
        setupRequest: (req: Record<string, unknown>) => {
          const n = i++;
          const p = posts[n % posts.length];
          return { ...req, path: p.path, headers: { ...p.headers, "x-forwarded-for": forwardedFor(n) }, body: p.body };
        },
        // Header names arrive as the server wrote them (Next writes "Location").
        onResponse: (status: number, _body: string, _ctx: unknown, headers: Record<string, string>) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          const location = Object.entries(headers).find(([k]) => k.toLowerCase() === "location")?.[1];
          if (good(status, location)) ok++;
        },
      },
    ],
  });
  const result = r as { requests: { total: number } };
  return { perSecond: seconds > 0 ? ok / seconds : null, total: result.requests.total, good: ok, statuses };
}

/** Each activation comes from a different reseller, so from a different address (documentation range). */
export function forwardedFor(n: number): string {
  return `198.18.${(n >> 8) & 255}.${n & 255}`;
}
