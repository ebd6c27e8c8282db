import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type ServerProcess } from "./server-process";
import { freshDatabase } from "./support";

// Issue 22, the container: Docker cannot run here, so this assembles the standalone folder with the
// Dockerfile's own command and runs the image's CMD, HEALTHCHECK and the compose file's migrate command in it.
const dockerfile = readFileSync("Dockerfile", "utf8");
const compose = readFileSync("compose.yaml", "utf8");
const standalone = path.resolve(process.env.NEXT_DIST_DIR || ".next", "standalone");
const execForm = (line: string) => JSON.parse(line) as string[];
const cmd = execForm(/^CMD (\[.*\])$/m.exec(dockerfile)![1]);
const healthcheck = execForm(/HEALTHCHECK[^\n]*\\\n\s*CMD (\[.*\])$/m.exec(dockerfile)![1]);
/** `node …` as the image runs it: the same Node, the arguments after it. */
const run = (argv: string[], env: Record<string, string>) => {
  expect(argv[0]).toBe("node");
  return spawnSync(process.execPath, argv.slice(1), { cwd: standalone, env: { ...process.env, ...env }, encoding: "utf8" });
};

let db: Awaited<ReturnType<typeof freshDatabase>>;
let server: ServerProcess | undefined;
beforeAll(async () => {
  const assemble = /^RUN .*&& (node scripts\/assemble-standalone\.mjs)$/m.exec(dockerfile)![1];
  const r = spawnSync(process.execPath, assemble.split(" ").slice(1), { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  db = await freshDatabase();
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe("the container image's folder (issue 22)", () => {
  it("is a multi-stage build on Next's standalone output, run by a non-root user, with a health check", () => {
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(3);
    expect(/^USER (\S+)$/m.exec(dockerfile)![1]).not.toMatch(/^(root|0)$/);
    expect(healthcheck.join(" ")).toContain("/api/health");
    expect(cmd).toEqual(["node", "scripts/server.mjs"]);
  });

  it("holds no development dependency", () => {
    const dev = Object.keys(JSON.parse(readFileSync("package.json", "utf8")).devDependencies as Record<string, string>);
    const present = dev.filter((name) => existsSync(path.join(standalone, "node_modules", name)));
    expect(present).toEqual([]);
    expect(existsSync(path.join(standalone, "node_modules/next"))).toBe(true);
  });

  it("starts with the image's CMD, waits for migrations run by compose's migrate command, then serves pages, assets and probes", async () => {
    server = await startServer({
      cwd: standalone,
      args: cmd.slice(1),
      env: { DATABASE_URL: db.url, SCP_MIGRATE_ON_START: "0" },
      waitReady: false,
    });
    await expect
      .poll(async () => (await fetch(`${server!.url}/api/ready`).catch(() => null))?.status, { timeout: 60_000, interval: 300 })
      .toBe(503);
    expect(await (await fetch(`${server.url}/api/ready`)).json()).toEqual({ status: "unavailable", reason: "migrations pending" });

    const migrateCommand = execForm(/^\s+command: (\[.*\])$/m.exec(compose)![1]);
    const migrated = run(migrateCommand, { DATABASE_URL: db.url });
    expect(migrated.status, migrated.stderr).toBe(0);
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);

    const page = await fetch(`${server.url}/sign-in`);
    expect(page.status).toBe(200);
    const asset = /\/_next\/static\/[^"']+\.js/.exec(await page.text())![0];
    expect((await fetch(`${server.url}${asset}`)).status).toBe(200);
    const health = run(healthcheck, { PORT: String(server.port) });
    expect(health.status).toBe(0);
    expect(server.lines().find((l) => l.msg === "request" && l.path === "/sign-in")).toBeTruthy();
  });
});
