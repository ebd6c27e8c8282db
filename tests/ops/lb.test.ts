import { readFileSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../support/smtp-server";
import { startHaproxy } from "./haproxy";
import { freePort, OPS_SECRET, startServer, type ServerProcess } from "./server-process";
import { freshDatabase, signIn } from "./support";

// Issue 22: two PostgreSQL-backed instances behind HAProxy (round-robin, TRUSTED_PROXY_HOPS=1), and a journey
// through the balancer. Requests pinned with X-Test-Pin go to the named instance (tests/ops/haproxy.ts).
const RESELLER_PASSWORD = "copper kettles whistle over the moor";
const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };

let db: Awaited<ReturnType<typeof freshDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let a: ServerProcess;
let b: ServerProcess;
let lb: Awaited<ReturnType<typeof startHaproxy>>;
/** The balancer's address, as browsers and APP_URL name it. */
let base: string;
let browser: Browser | undefined;
let sql: ReturnType<Awaited<ReturnType<typeof freshDatabase>>["sql"]>;
let staff: { email: string; cookie: string };
let f: typeof import("../support/factories");

beforeAll(async () => {
  db = await freshDatabase("scp_lb");
  sql = db.sql();
  smtp = await startSmtpServer({ delayMs: 150 });
  const [pa, pb, plb] = [await freePort(), await freePort(), await freePort()];
  const appUrl = `http://localhost:${plb}`;
  const env = {
    DATABASE_URL: db.url,
    TRUSTED_PROXY_HOPS: "1",
    APP_URL: appUrl,
    SMTP_URL: smtp.url,
    SCP_OUTBOX_INTERVAL_MS: "300",
    SCP_SHUTDOWN_DRAIN_MS: "1200",
  };
  // Both start at once on the empty database: the migration lock lets exactly one of them migrate.
  [a, b] = await Promise.all([startServer({ env, port: pa }), startServer({ env, port: pb })]);
  lb = await startHaproxy(plb, [
    { name: "a", port: pa },
    { name: "b", port: pb },
  ]);
  base = appUrl;
  // Test data is written straight to the shared database, as another instance would.
  Object.assign(process.env, { DATABASE_URL: db.url, AUTH_SECRET: OPS_SECRET, APP_URL: appUrl, SCP_SILENT_LOGS: "1" });
  f = await import("../support/factories");
  const account = await f.makeAccount({ name: "Balanced Distribution Inc.", email: `staff-${Date.now()}@lb.test` });
  const session = await signIn(base, account.user.email, f.TEST_PASSWORD);
  expect(session.cookie).toBeTruthy();
  staff = { email: account.user.email, cookie: session.cookie! };
  Object.assign(staff, { account });
});

afterAll(async () => {
  await browser?.close();
  await lb?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  const { closeDb } = await import("@/db/client");
  await closeDb();
  await sql?.end();
  await smtp?.close();
  await db?.drop();
});

const pinned = (pin: string, extra: Record<string, string> = {}) => ({
  headers: { "x-test-pin": pin, ...extra },
  redirect: "manual" as const,
});

describe("two instances behind HAProxy (issue 22)", () => {
  it("started at once on an empty database, they applied each migration once", async () => {
    const applied = await sql`select hash from drizzle.__drizzle_migrations`;
    expect(applied).toHaveLength(journal.entries.length);
  });

  it("a session signed in through the balancer is valid on both instances, and the proxy's request id reaches them", async () => {
    const served = new Set<string>();
    for (const pin of ["a", "b", "a", "b"]) {
      const res = await fetch(`${base}/partners/contracts`, pinned(pin, { cookie: staff.cookie }));
      expect(res.status, `instance ${pin}`).toBe(200);
      expect(res.headers.get("x-served-by")).toBe(pin);
      expect(res.headers.get("x-request-id")).toMatch(/^lb-[0-9a-f-]{36}$/);
      served.add(res.headers.get("x-served-by")!);
    }
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${base}/partners/contracts`, { headers: { cookie: staff.cookie }, redirect: "manual" });
      expect(res.status).toBe(200);
      served.add(res.headers.get("x-served-by")!);
    }
    expect(served).toEqual(new Set(["a", "b"]));
  });

  it("shares sign-in rate limits: five failures spread over both instances lock the next attempt on either", async () => {
    const victim = await f.makeAccount({ email: `victim-${Date.now()}@lb.test` });
    for (const pin of ["a", "b", "a", "b", "a"]) {
      expect((await signIn(base, victim.user.email, "a wrong password guess", { "x-test-pin": pin })).code).toBe("credentials");
    }
    expect((await signIn(base, victim.user.email, "another wrong guess", { "x-test-pin": "b" })).code).toBe("rate_limited");
    expect((await signIn(base, victim.user.email, f.TEST_PASSWORD, { "x-test-pin": "a" })).code).toBe("rate_limited");
  });

  it("one activation link raced through both instances gives exactly one contract", async () => {
    const account = (staff as unknown as { account: Awaited<ReturnType<typeof f.makeAccount>> }).account;
    const { agreement } = await f.makeAgreement(account, { name: "Balanced Terms" });
    const contract = await f.makeContract(account, agreement.publicId, { signeeEmail: "invitee@lb.test" });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    const pages: Record<string, Page> = {};
    const postsServedBy: string[] = [];
    for (const pin of ["a", "b"]) {
      const context = await browser.newContext({ baseURL: base, extraHTTPHeaders: { "x-test-pin": pin } });
      const page = await context.newPage();
      page.on("response", (r) => {
        if (r.request().method() === "POST" && r.url().includes("/activate/")) postsServedBy.push(r.headers()["x-served-by"]);
      });
      await page.goto(contract.activationLink);
      await page.getByLabel("Email").fill(`racer-${pin}@lb.test`);
      await page.getByLabel("I have read and accepted the agreement").check();
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByLabel("Full name").fill(`Racer ${pin.toUpperCase()}`);
      await page.getByLabel("Password").fill(RESELLER_PASSWORD);
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByLabel("Company name").fill(`Racer ${pin.toUpperCase()} Resale LLC`);
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByRole("heading", { name: "4. Activate the contract" }).waitFor();
      pages[pin] = page;
    }
    postsServedBy.length = 0;
    await Promise.all(Object.values(pages).map((p) => p.getByRole("button", { name: "Activate" }).click()));
    await expect
      .poll(async () => (await sql`select status from contracts where id = ${contract.id}`)[0].status, { timeout: 30_000 })
      .toBe("active");
    await expect.poll(() => postsServedBy.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect(new Set(postsServedBy)).toEqual(new Set(["a", "b"]));
    await expect.poll(() => Object.values(pages).filter((p) => /\/reseller\?activated=/.test(p.url())).length, { timeout: 30_000 }).toBe(1);

    const users = await sql`select email from users where email like 'racer-%@lb.test'`;
    const companies = await sql`select name from accounts where name like 'Racer % Resale LLC'`;
    const versions = await sql`select count(*)::int as n from contract_versions where contract_id = ${contract.id}`;
    expect(users).toHaveLength(1);
    expect(companies).toHaveLength(1);
    expect(versions[0].n).toBe(1);
  });

  it("loses nothing when one instance is stopped mid-journey: every request answered, every email sent exactly once", async () => {
    await sql`insert into outbox (kind, to_address, subject, html, text_body) select 'invitation', 'burst' || n || '@lb.test', 'Burst ' || n, '<p>Hi</p>', 'Hi' from generate_series(1, 30) n`;
    const statuses: { status: number; by: string | null }[] = [];
    let stop = false;
    const load = Array.from({ length: 3 }, async () => {
      while (!stop) {
        const res = await fetch(`${base}/partners/contracts`, { headers: { cookie: staff.cookie }, redirect: "manual" }).catch(
          (e: Error) => ({ status: 0, headers: new Headers({ "x-error": e.message }) }),
        );
        statuses.push({ status: res.status, by: res.headers.get("x-served-by") ?? res.headers.get("x-error") });
      }
    });
    await expect.poll(() => smtp.receiving(), { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(4);
    b.child.kill("SIGTERM"); // as an orchestrator stops a container
    expect(await b.exited).toBe(0);
    const afterStop = statuses.length;
    await expect.poll(() => statuses.length - afterStop, { timeout: 30_000 }).toBeGreaterThanOrEqual(6);
    stop = true;
    await Promise.all(load);

    expect(statuses.filter((s) => s.status !== 200)).toEqual([]);
    expect(new Set(statuses.map((s) => s.by))).toEqual(new Set(["a", "b"]));
    expect(statuses.slice(afterStop).every((s) => s.by === "a")).toBe(true);

    await expect
      .poll(async () => (await sql`select count(*)::int as n from outbox where status <> 'sent'`)[0].n, { timeout: 60_000, interval: 300 })
      .toBe(0);
    const rows = await sql`select to_address, subject from outbox`;
    const key = (to: string, subject: string) => `${to.toLowerCase()} | ${subject}`;
    const expected = rows.map((r) => key(r.to_address, r.subject)).sort();
    const received = smtp.received.map((m) => key(m.envelopeTo[0], m.subject)).sort();
    expect(received).toEqual(expected); // each message once: none lost, none twice
    expect(expected.filter((k) => k.startsWith("burst"))).toHaveLength(30);

    // The journey goes on through the remaining instance.
    expect((await fetch(`${base}/partners/contracts`, { headers: { cookie: staff.cookie }, redirect: "manual" })).status).toBe(200);
    expect((await signIn(base, staff.email, f.TEST_PASSWORD)).cookie).toBeTruthy();
  });

  it("kept passwords, activation tokens and links out of both instances' logs", async () => {
    const links = smtp.received.flatMap((m) => /https?:\/\/\S+\/activate\/[A-Za-z0-9_-]+/.exec(m.text) ?? []);
    expect(links.length).toBeGreaterThan(0);
    const logs = a.output() + b.output();
    expect(logs).toContain('"path":"/activate/[token]"');
    for (const secret of [
      RESELLER_PASSWORD,
      f.TEST_PASSWORD,
      "a wrong password guess",
      ...links,
      ...links.map((l) => l.split("/activate/")[1]),
    ]) {
      expect(logs.includes(secret), `a log holds ${secret}`).toBe(false);
    }
  });
});
