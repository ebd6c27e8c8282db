import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type ServerProcess } from "./server-process";
import { DEMO, freshDatabase, signIn } from "./support";

let server: ServerProcess;
let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  db = await freshDatabase();
  server = await startServer({ env: { DATABASE_URL: db.url, SEED_DEMO: "force" } });
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe("the production server's operations surface (issue 22)", () => {
  it("answers /api/health and /api/ready to anyone, never cached, with nothing but a status", async () => {
    for (const path of ["/api/health", "/api/ready"]) {
      const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(Object.keys(await res.json())).toEqual(["status"]);
    }
  });

  it("gives every request an id in X-Request-Id, ignores one a client sends without a trusted proxy, and the app's log lines carry it", async () => {
    const res = await fetch(`${server.url}/sign-in`, { headers: { "x-request-id": "client-chosen" } });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await signIn(server.url, DEMO.email, "not the demo password at all");
    expect(refused.cookie).toBeNull();
    await expect.poll(() => server.lines().find((l) => l.event === "signin.failure"), { timeout: 10_000 }).toBeTruthy();
    const event = server.lines().find((l) => l.event === "signin.failure")!;
    expect(event).toMatchObject({ kind: "security", email: DEMO.email, reqId: refused.requestId });
    await expect
      .poll(() => server.lines().find((l) => l.msg === "request" && l.reqId === refused.requestId))
      .toMatchObject({ method: "POST", path: "/api/auth/callback/credentials", status: 302 });
  });

  it("writes nothing but JSON lines, and never the password it was given", async () => {
    const lines = server.output().split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(server.output()).not.toContain("not the demo password at all");
  });
});
