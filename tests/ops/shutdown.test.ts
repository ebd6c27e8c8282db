import { request } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../support/smtp-server";
import { startServer, type ServerProcess } from "./server-process";
import { freshDatabase } from "./support";

type Answer = { status: number; body: string };

/**
 * A request that is certainly in flight: headers sent with `Expect: 100-continue`, the server's "100 Continue"
 * received (so the app took it), the body held back until `finish()`.
 */
function heldRequest(base: string) {
  const body = new URLSearchParams({ email: "nobody@example.test", password: "x", csrfToken: "not-the-token" }).toString();
  const req = request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": Buffer.byteLength(body),
      expect: "100-continue",
      connection: "close",
    },
  });
  const continued = new Promise<void>((resolve) => req.once("continue", resolve));
  const answered = new Promise<Answer>((resolve, reject) => {
    req.once("response", (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on("error", reject);
    });
    req.once("error", reject);
  });
  let done = false;
  void answered.then(
    () => (done = true),
    () => (done = true),
  );
  req.flushHeaders();
  return { continued, answered, done: () => done, finish: () => req.end(body) };
}

const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

describe("graceful shutdown (issue 22)", () => {
  it("on SIGTERM stops accepting, finishes requests in flight, releases outbox leases, closes the database and exits 0", async () => {
    const db = await freshDatabase();
    cleanup.push(() => db.drop());
    const smtp = await startSmtpServer({ delayMs: 2500 }); // a slow relay: the sender is mid-message at SIGTERM
    cleanup.push(() => smtp.close());
    const server: ServerProcess = await startServer({
      env: { DATABASE_URL: db.url, SMTP_URL: smtp.url, SCP_OUTBOX_INTERVAL_MS: "200", LOG_LEVEL: "debug" },
    });
    cleanup.push(() => server.stop("SIGKILL"));
    const sql = db.sql();
    cleanup.push(() => sql.end());

    // Five messages due: the sender claims them all and starts on the first.
    await sql`insert into outbox (kind, to_address, subject, html, text_body) select 'invitation', 'lease' || n || '@example.test', 'Hello', '<p>Hi</p>', 'Hi' from generate_series(1, 5) n`;
    await expect.poll(() => smtp.receiving(), { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(1);
    const [{ n: leased }] = await sql`select count(*)::int as n from outbox where status = 'sending'`;
    expect(leased).toBe(5);

    // Requests in flight at SIGTERM.
    const held = Array.from({ length: 6 }, () => heldRequest(server.url));
    await Promise.all(held.map((h) => h.continued));
    await new Promise((r) => setTimeout(r, 200));
    expect(held.filter((h) => h.done())).toEqual([]); // the app is waiting for their bodies

    server.child.kill("SIGTERM");
    await expect.poll(() => server.lines().some((l) => l.msg === "shutting down"), { timeout: 10_000, interval: 50 }).toBe(true);
    // No new work is taken...
    await expect
      .poll(
        async () =>
          fetch(`${server.url}/api/health`).then(
            () => "accepted",
            () => "refused",
          ),
        { timeout: 10_000, interval: 100 },
      )
      .toBe("refused");
    // ...and the requests already taken are answered in full.
    for (const h of held) h.finish();
    const answers = await Promise.all(held.map((h) => h.answered));
    for (const a of answers) expect(a.status, a.body).toBeGreaterThanOrEqual(200);
    for (const a of answers) expect(a.status, a.body).toBeLessThan(500);

    expect(await server.exited).toBe(0);
    const rows = await sql`select status, attempts, next_attempt_at <= now() as due from outbox order by to_address`;
    expect(rows.filter((r) => r.status === "sending")).toEqual([]); // no lease left held
    const sent = rows.filter((r) => r.status === "sent");
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(smtp.received).toHaveLength(sent.length); // the message in progress was finished, once
    expect(rows.filter((r) => r.status === "pending").every((r) => r.attempts === 0 && r.due)).toBe(true);
    const stopped = server.lines().find((l) => l.msg === "stopped");
    expect(stopped).toMatchObject({ unfinishedRequests: 0, failedSteps: [] });
    expect(server.lines().filter((l) => l.level === "error")).toEqual([]);
  });
});
