import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const SERVER = path.resolve("scripts/server.mjs");
const SOURCES = ["app", "components", "lib", "db", "proxy.ts", "next.config.js", "package-lock.json"];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/** Builds into DIST_DIR when there is no build or a source file is newer than it. */
export function ensureBuild(env: Record<string, string>, log: (m: string) => void, reuse = false): void {
  const id = path.join(DIST_DIR, "BUILD_ID");
  if (existsSync(id) && (reuse || statSync(id).mtimeMs > Math.max(...SOURCES.map(newestMtime)))) {
    log(`reusing the build in ${DIST_DIR}`);
    return;
  }
  log(`next build → ${DIST_DIR} (a few minutes)`);
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...env, NEXT_DIST_DIR: DIST_DIR },
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = http.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export type Running = {
  url: string;
  stop: () => Promise<void>;
  output: () => string;
  /** The server process, for its CPU counters. */ pid?: number;
};

/**
 * The production server (scripts/server.mjs, as `npm start`) on a free port; resolves once it answers
 * HTTP. TRUSTED_PROXY_HOPS=1: the load generator plays the reverse proxy, each submission naming its
 * reseller's address in X-Forwarded-For (bench/submissions.ts).
 */
export async function startNext(env: Record<string, string>, distDir = DIST_DIR): Promise<Running> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [SERVER, "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      ...env,
      TRUSTED_PROXY_HOPS: "1",
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      APP_URL: url,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (b: Buffer) => (output = (output + b.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      await fetch(`${url}/sign-in`, { redirect: "manual" });
      return { url, stop, output: () => output, pid: child.pid };
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  await stop();
  throw new Error(`next start did not answer within 120 s:\n${output}`);
}

/** The floor of the stack: node:http answering with a fixed body of the given size. */
export async function startBareServer(bytes: number): Promise<Running> {
  const body = Buffer.alloc(bytes, "x");
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => server.close(() => r())), output: () => "" };
}
