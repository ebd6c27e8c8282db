import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { appendFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import type { ClosedLinks } from "./closed-links";
import { startSmtpServer } from "../support/smtp-server";
import { prepareFixtures, type ForeignObjects } from "./fixtures";

/**
 * Starts the production server (scripts/server.mjs, what `npm start` runs) on a fresh database (PGlite
 * in a temp folder, or a new PostgreSQL database when DATABASE_URL is set) with the demo data forced
 * in, and hands its URL to the journeys. Fixtures the browser cannot make (an expired link) are
 * written first, while no server holds the database.
 */
let server: ChildProcess | undefined;
let dataDir: string | undefined;
let e2eDatabase: { base: string; name: string } | undefined;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;

export async function setup(project: TestProject) {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}. Run \`npm run build\` before \`npm run test:e2e\`.`);
  }
  const port = Number(process.env.E2E_PORT ?? 3210);
  await portIsFree(port);
  const baseUrl = `http://localhost:${port}`;
  dataDir = mkdtempSync(path.join(tmpdir(), "scp-e2e-"));
  // Mail leaves the server over SMTP to a real SMTP server here, which writes each message it receives as
  // one JSON line the journeys can read; /dev/mailbox still shows the outbox (the rows SMTP delivered).
  const smtpLog = path.join(dataDir, "smtp.jsonl");
  smtp = await startSmtpServer({
    onMessage: (m) => appendFileSync(smtpLog, `${JSON.stringify({ to: m.envelopeTo, subject: m.subject, text: m.text })}\n`),
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    TRUSTED_PROXY_HOPS: "0", // browsers connect directly: a client-sent X-Forwarded-For must change nothing
    APP_URL: baseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123456789",
    SEED_DEMO: "force",
    PGLITE_DATA_DIR: path.join(dataDir, "pglite"),
    SCP_OUTBOX_INTERVAL_MS: "500",
    SMTP_URL: smtp.url,
    SCP_DEV_MAILBOX: "1", // e2e only: the journeys read mail from /dev/mailbox on the production build
    SCP_DEV_CLOCK: "1", // e2e only: POST /dev/clock moves the server's clock for scheduled work (reminders)
  };
  if (process.env.DATABASE_URL) env.DATABASE_URL = await freshPostgresDatabase(process.env.DATABASE_URL);
  const dbEnv = { AUTH_SECRET: env.AUTH_SECRET!, APP_URL: baseUrl, SCP_SILENT_LOGS: "1" };
  const fixtures = await prepareFixtures(
    env.DATABASE_URL ? { ...dbEnv, DATABASE_URL: env.DATABASE_URL } : { ...dbEnv, PGLITE_DATA_DIR: env.PGLITE_DATA_DIR! },
  );
  server = spawn(process.execPath, ["scripts/server.mjs", "-p", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  await waitFor(`${baseUrl}/sign-in`, () => log);
  project.provide("baseUrl", baseUrl);
  project.provide("expiredToken", fixtures.expiredToken);
  project.provide("foreign", fixtures.foreign);
  project.provide("closedLinks", fixtures.closedLinks);
  project.provide("smtpLog", smtpLog);
}

export async function teardown() {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  }
  await smtp?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (e2eDatabase) {
    // "with (force)" ends any connection the server left behind.
    const { default: postgres } = await import("postgres");
    const admin = postgres(e2eDatabase.base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${e2eDatabase.name} with (force)`);
    await admin.end();
  }
}

/**
 * Fails when another process already listens on the journeys' port. Otherwise the new server would exit on
 * EADDRINUSE while the journeys ran against the old one, whose mail goes to an SMTP server long gone: every
 * emailed-link journey then fails, and not because of the code under test (a stray server once did that here).
 */
async function portIsFree(port: number): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${port} is already in use by another process: stop it, or set E2E_PORT to a free port.`)
          : error,
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

async function waitFor(url: string, log: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`the server exited:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer at ${url}:\n${log()}`);
}

async function freshPostgresDatabase(base: string): Promise<string> {
  const { default: postgres } = await import("postgres");
  const name = `scp_e2e_${Date.now()}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  e2eDatabase = { base, name };
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** Token of a demo contract whose activation link expired yesterday (fixtures.ts). */
    expiredToken: string;
    /** Another distributor's contract, agreement and account (fixtures.ts). */
    foreign: ForeignObjects;
    /** A deleted contract's link and one the demo reseller Contoso already used (closed-links.ts). */
    closedLinks: ClosedLinks;
    /** What the real SMTP server the e2e server sends to received: one JSON line per message. */
    smtpLog: string;
  }
}
