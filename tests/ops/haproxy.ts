import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * HAProxy from Debian's package (.ci/run installs it), in front of the given instances: round-robin, health
 * checks on /api/ready, X-Forwarded-For appended (the instances run with TRUSTED_PROXY_HOPS=1), a request id
 * set by the proxy, and connection failures retried on the other instance. Two test-only extras: the
 * answering instance's name in X-Served-By, and an X-Test-Pin header that picks one instance, so a test can
 * send a request to each of them through the balancer on purpose.
 */
export function haproxyConfig(port: number, servers: { name: string; port: number }[]): string {
  return `global
  maxconn 512
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  retries 3
  option redispatch
  retry-on conn-failure empty-response
  option forwardfor
frontend web
  bind 127.0.0.1:${port}
  http-request set-header X-Request-Id lb-%[uuid()]
  default_backend app
backend app
  balance roundrobin
  option httpchk GET /api/ready
  http-check expect status 200
  default-server inter 400ms fall 2 rise 1
  http-response set-header X-Served-By %s
${servers.map((s) => `  use-server ${s.name} if { req.hdr(x-test-pin) -m str ${s.name} }`).join("\n")}
${servers.map((s) => `  server ${s.name} 127.0.0.1:${s.port} check`).join("\n")}
`;
}

export function haproxyAvailable(): boolean {
  return spawnSync("haproxy", ["-v"], { stdio: "ignore" }).status === 0;
}

export async function startHaproxy(port: number, servers: { name: string; port: number }[]) {
  const dir = mkdtempSync(path.join(tmpdir(), "scp-haproxy-"));
  const file = path.join(dir, "haproxy.cfg");
  writeFileSync(file, haproxyConfig(port, servers));
  const check = spawnSync("haproxy", ["-c", "-q", "-f", file], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`haproxy refused its configuration:\n${check.stderr}${check.stdout}`);
  const child = spawn("haproxy", ["-db", "-f", file], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`haproxy exited:\n${out}`);
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
