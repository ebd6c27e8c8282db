import { afterEach, describe, expect, it, vi } from "vitest";

// Outside a request there is no connection to wait for; everything else is the real route and pages.
vi.mock("next/server", async (orig) => ({ ...(await orig<typeof import("next/server")>()), connection: async () => {} }));

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
});
