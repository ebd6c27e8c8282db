import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("production start (issue 2, item 7)", () => {
  it("stops with a clear message saying how to set AUTH_SECRET when it is missing", () => {
    const env = { ...process.env, AUTH_SECRET: "" };
    const r = spawnSync(process.execPath, [`${process.cwd()}/scripts/check-env.mjs`], { env, encoding: "utf8", cwd: "/tmp" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("AUTH_SECRET is not set");
    expect(r.stderr).toContain("openssl rand");
  });
  it("accepts a real secret", () => {
    const r = spawnSync(process.execPath, [`${process.cwd()}/scripts/check-env.mjs`], {
      env: { ...process.env, AUTH_SECRET: "x".repeat(40) },
      encoding: "utf8",
      cwd: "/tmp",
    });
    expect(r.status).toBe(0);
  });
});
