import { afterEach, describe, expect, it, vi } from "vitest";

// Outside a request there is no connection to wait for; everything else is the real route and pages.
vi.mock("next/server", async (orig) => ({ ...(await orig<typeof import("next/server")>()), connection: async () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-nonce": "this-requests-nonce" }) }));

const saved = process.env.SCP_BENCH;
afterEach(() => {
  if (saved === undefined) delete process.env.SCP_BENCH;
  else process.env.SCP_BENCH = saved;
});

describe("bench-only routes", () => {
  it("the statement counter is 404 unless the server runs with SCP_BENCH=1", async () => {
    const { GET } = await import("@/app/(bench)/bench/query-count/route");
    delete process.env.SCP_BENCH;
    expect((await GET()).status).toBe(404);
    process.env.SCP_BENCH = "1";
    (globalThis as { __scpQueryCount?: number }).__scpQueryCount = 41;
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ count: 41 });
  });

  it("the baseline pages are not found without SCP_BENCH=1", async () => {
    delete process.env.SCP_BENCH;
    const { GET: staticPage } = await import("@/app/(bench)/bench/static/route");
    const { default: DynamicPage } = await import("@/app/(bench)/bench/dynamic/page");
    expect((await staticPage(new Request("http://localhost/bench/static"))).status).toBe(404);
    await expect(DynamicPage()).rejects.toThrow(/not.?found/i);
  });

  it("the static baseline is the dynamic baseline's page, fetched with the caller's cookie, never the sign-in page a redirect leads to", async () => {
    process.env.SCP_BENCH = "1";
    vi.resetModules();
    const { GET: staticPage } = await import("@/app/(bench)/bench/static/route");
    const csp = { "content-security-policy": "script-src 'nonce-rendered-nonce'" };
    const seen: RequestInit[] = [];
    const fetchMock = vi.spyOn(globalThis, "fetch").mockImplementation(async (_url, init) => {
      seen.push(init ?? {});
      const cookie = new Headers(init?.headers).get("cookie");
      // As proxy.ts answers: no session, a redirect to sign-in; with one, the baseline page.
      return cookie
        ? new Response('<script nonce="rendered-nonce"></script>Dynamic baseline: rendered per request', { headers: csp })
        : new Response(null, { status: 307, headers: { ...csp, location: "/sign-in" } });
    });
    try {
      expect((await staticPage(new Request("http://localhost/bench/static"))).status).toBe(503);
      expect(seen[0].redirect).toBe("manual");
      const res = await staticPage(new Request("http://localhost/bench/static", { headers: { cookie: "authjs.session-token=x" } }));
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('<script nonce="this-requests-nonce"></script>Dynamic baseline: rendered per request');
    } finally {
      fetchMock.mockRestore();
    }
  });
});
