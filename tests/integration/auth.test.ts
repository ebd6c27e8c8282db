import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { authenticate, SIGNIN_FAILURES_BEFORE_LOCK } from "@/lib/accounts/authenticate";
import { loadViewer } from "@/lib/accounts/viewer";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import * as backoff from "@/lib/security/backoff";
import { hashPassword } from "@/lib/security/passwords";
import { db, makeAccount, TEST_PASSWORD } from "../support/factories";

const who = { ip: "198.51.100.1", userAgent: "vitest" };

describe("sign-in (authenticate)", () => {
  let email: string;
  beforeAll(async () => {
    ({
      user: { email },
    } = await makeAccount());
  });

  it("accepts the right password, with the email in any case", async () => {
    const r = await authenticate(await db(), { email: email.toUpperCase(), password: TEST_PASSWORD, ...who });
    expect(r.status).toBe("ok");
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const wrong = await authenticate(await db(), { email, password: "wrong password here!!", ...who, ip: "198.51.100.2" });
    const unknown = await authenticate(await db(), {
      email: "nobody@example.test",
      password: "wrong password here!!",
      ...who,
      ip: "198.51.100.2",
    });
    expect(wrong).toEqual({ status: "invalid" });
    expect(unknown).toEqual({ status: "invalid" });
  });

  it("locks an (email, IP) pair after repeated failures, even for the right password, but not other IPs", async () => {
    const ip = "198.51.100.3";
    for (let i = 0; i < SIGNIN_FAILURES_BEFORE_LOCK; i++) {
      expect((await authenticate(await db(), { email, password: "wrong password here!!", ip, userAgent: "x" })).status).toBe("invalid");
    }
    expect((await authenticate(await db(), { email, password: TEST_PASSWORD, ip, userAgent: "x" })).status).toBe("rate_limited");
    expect((await authenticate(await db(), { email, password: TEST_PASSWORD, ip: "198.51.100.4", userAgent: "x" })).status).toBe("ok");
  });

  it("re-hashes a weaker argon2 hash on sign-in", async () => {
    const { hash } = await import("@node-rs/argon2");
    const { user } = await makeAccount();
    const weak = await hash(TEST_PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await (await db()).update(users).set({ passwordHash: weak }).where(eq(users.id, user.id));
    expect((await authenticate(await db(), { email: user.email, password: TEST_PASSWORD, ...who, ip: "198.51.100.5" })).status).toBe("ok");
    const [after] = await (await db()).select().from(users).where(eq(users.id, user.id));
    expect(after.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe("per-email back-off (issue 14 item 1, SECURITY.md 32)", () => {
  afterEach(() => vi.restoreAllMocks());
  const wrong = "definitely not the password";

  it("slows every attempt on an email failed from many addresses, growing, and never refuses the owner", async () => {
    const { user } = await makeAccount();
    const waits: number[] = [];
    vi.spyOn(backoff.clock, "wait").mockImplementation(async (ms) => void waits.push(ms));
    // A guesser rotating addresses: each (email, IP) pair stays under its own lock.
    for (let i = 0; i < 9; i++) {
      expect(
        (await authenticate(await db(), { email: user.email, password: wrong, ip: `203.0.113.${i + 1}`, userAgent: "x" })).status,
      ).toBe("invalid");
    }
    expect(waits).toEqual([250, 500, 1000]); // from the 6th failure on, each next attempt waits longer
    const owner = await authenticate(await db(), { email: user.email, password: TEST_PASSWORD, ip: "198.51.100.200", userAgent: "x" });
    expect(owner.status).toBe("ok");
    expect(waits.at(-1)).toBe(2000);
  });

  it("caps the wait, so a victim's sign-in is slower but never locked", async () => {
    const { user } = await makeAccount();
    const waits: number[] = [];
    vi.spyOn(backoff.clock, "wait").mockImplementation(async (ms) => void waits.push(ms));
    for (let i = 0; i < 30; i++)
      await authenticate(await db(), { email: user.email, password: wrong, ip: `203.0.114.${i + 1}`, userAgent: "x" });
    expect(
      (await authenticate(await db(), { email: user.email, password: TEST_PASSWORD, ip: "198.51.100.201", userAgent: "x" })).status,
    ).toBe("ok");
    expect(Math.max(...waits)).toBe(backoff.MAX_DELAY_MS);
  });

  it("slows an unknown email exactly like a known one, and leaves other emails alone", async () => {
    const { user } = await makeAccount();
    const waits: string[] = [];
    vi.spyOn(backoff.clock, "wait").mockImplementation(async (ms) => void waits.push(String(ms)));
    for (const email of ["nobody-at-all@example.test", user.email]) {
      for (let i = 0; i < 7; i++) await authenticate(await db(), { email, password: wrong, ip: `192.0.2.${i + 1}`, userAgent: "x" });
    }
    expect(waits).toEqual(["250", "250"]);
    waits.length = 0;
    const other = await makeAccount();
    expect(
      (await authenticate(await db(), { email: other.user.email, password: TEST_PASSWORD, ip: "192.0.2.1", userAgent: "x" })).status,
    ).toBe("ok");
    expect(waits).toEqual([]);
  });
});

describe("sessions read from the database", () => {
  it("ends every old session when the user signs out everywhere", async () => {
    const { user, viewer } = await makeAccount();
    const database = await db();
    expect(await loadViewer(database, { userId: user.id, sessionVersion: 1 })).not.toBeNull();
    await signOutEverywhere(database, viewer);
    expect(await loadViewer(database, { userId: user.id, sessionVersion: 1 })).toBeNull();
    expect(await loadViewer(database, { userId: user.id, sessionVersion: 2 })).not.toBeNull();
  });

  it("emails are unique whatever their case", async () => {
    const { user } = await makeAccount();
    const { createUser } = await import("@/lib/accounts/create-user");
    await expect(
      createUser(await db(), { email: user.email.toUpperCase(), fullName: "Dup", passwordHash: await hashPassword(TEST_PASSWORD) }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("picks the account from the switcher only among the user's memberships", async () => {
    const a = await makeAccount({ name: "Alpha Inc." });
    const b = await makeAccount({ name: "Beta LLC" });
    const v = await loadViewer(await db(), { userId: a.user.id, sessionVersion: 1, accountPublicId: b.account.publicId });
    expect(v?.accountPublicId).toBe(a.account.publicId);
  });
});
