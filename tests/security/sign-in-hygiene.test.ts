import { count } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { accounts } from "@/db/schema";
import { authenticate } from "@/lib/accounts/authenticate";
import * as passwords from "@/lib/security/passwords";
import { db, makeAccount, TEST_PASSWORD } from "../support/factories";
import { captureLogs } from "../support/logs";

afterEach(() => vi.restoreAllMocks());

describe("sign-in hygiene", () => {
  it("does the same argon2 verification for an unknown email as for a wrong password (SECURITY.md 11)", async () => {
    const { user } = await makeAccount();
    const verify = vi.spyOn(passwords, "verifyPassword");
    await authenticate(await db(), {
      email: "nobody-here@example.test",
      password: "some wrong password",
      ip: "192.0.2.10",
      userAgent: "t",
    });
    await authenticate(await db(), { email: user.email, password: "some wrong password", ip: "192.0.2.11", userAgent: "t" });
    expect(verify).toHaveBeenCalledTimes(2);
    const [unknownHash, knownHash] = verify.mock.calls.map((c) => c[0]);
    expect(unknownHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(knownHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("logs sign-in successes and failures with user, IP and user agent, never the password (SECURITY.md 31)", async () => {
    const logs = captureLogs();
    const { user } = await makeAccount();
    try {
      await authenticate(await db(), { email: user.email, password: "a wrong password here", ip: "192.0.2.12", userAgent: "agent/1" });
      await authenticate(await db(), { email: user.email, password: TEST_PASSWORD, ip: "192.0.2.12", userAgent: "agent/1" });
    } finally {
      logs.restore();
    }
    const lines = logs.lines;
    const events = logs.events();
    expect(events.map((e) => e.event)).toEqual(["signin.failure", "signin.success"]);
    expect(events[0]).toMatchObject({ kind: "security", level: "info", email: user.email, ip: "192.0.2.12", userAgent: "agent/1" });
    expect(events[1]).toMatchObject({ user: user.publicId });
    expect(lines.join("\n")).not.toContain("a wrong password here");
    expect(lines.join("\n")).not.toContain(TEST_PASSWORD);
  });

  it("never creates the demo account at a production start unless forced (SECURITY.md 30)", async () => {
    const { startServer } = await import("@/lib/server-start");
    const before = { NODE_ENV: process.env.NODE_ENV, SEED_DEMO: process.env.SEED_DEMO };
    const setEnv = (k: string, v: string | undefined) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
    try {
      setEnv("NODE_ENV", "production");
      setEnv("SEED_DEMO", undefined);
      const [{ n: n0 }] = await (await db()).select({ n: count() }).from(accounts);
      await startServer();
      const [{ n: n1 }] = await (await db()).select({ n: count() }).from(accounts);
      expect(n1).toBe(n0);
    } finally {
      await (await import("@/lib/email/outbox-sender")).stopOutboxSender();
      setEnv("NODE_ENV", before.NODE_ENV);
      setEnv("SEED_DEMO", before.SEED_DEMO);
    }
  });
});
