import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export const OPS_SECRET = "ops-secret-ops-secret-ops-secret-0123456789";

export type ServerProcess = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Every stdout line, parsed when it is JSON (the server's logger), else kept as { raw }. */
  lines: () => Record<string, unknown>[];
  output: () => string;
  exited: Promise<number | null>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

/**
 * A production server as operators start it (`node scripts/server.mjs`, or `args` after `node`, from `cwd`: the
 * repository or the standalone folder), logs captured, resolved once /api/ready answers 200.
 */
export async function startServer(opts: {
  env: Record<string, string>;
  port?: number;
  cwd?: string;
  args?: string[];
  waitReady?: boolean;
}): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: OPS_SECRET,
    APP_URL: `http://localhost:${port}`,
    PORT: String(port),
    ...opts.env,
  };
  delete env.SCP_SILENT_LOGS;
  delete env.SEED_DEMO;
  Object.assign(env, opts.env);
  const child = spawn(process.execPath, opts.args ?? ["scripts/server.mjs"], { cwd: opts.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    url,
    port,
    child,
    output: () => out,
    lines: () =>
      out
        .split("\n")
        .filter(Boolean)
        .map((l) => {
          try {
            return JSON.parse(l) as Record<string, unknown>;
          } catch {
            return { raw: l };
          }
        }),
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return Promise.race([exited, new Promise<null>((r) => setTimeout(() => (child.kill("SIGKILL"), r(null)), 20_000))]);
    },
  };
  if (opts.waitReady === false) return server;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${out}`);
    try {
      if ((await fetch(`${url}/api/ready`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await server.stop("SIGKILL");
  throw new Error(`the server never became ready:\n${out}`);
}
