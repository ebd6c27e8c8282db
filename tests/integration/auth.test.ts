import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { authenticate, SIGNIN_FAILURES_BEFORE_LOCK } from "@/lib/accounts/authenticate";
import { loadViewer } from "@/lib/accounts/viewer";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { hashPassword } from "@/lib/security/passwords";
import { db, makeAccount, TEST_PASSWORD } from "../support/factories";

const who = { ip: "198.51.100.1", userAgent: "vitest" };

describe("sign-in (authenticate)", () => {
  let email: string;
  beforeAll(async () => {
    ({ user: { email } } = await makeAccount());
  });

  it("accepts the right password, with the email in any case", async () => {
    const r = await authenticate(await db(), { email: email.toUpperCase(), password: TEST_PASSWORD, ...who });
    expect(r.status).toBe("ok");
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const wrong = await authenticate(await db(), { email, password: "wrong password here!!", ...who, ip: "198.51.100.2" });
    const unknown = await authenticate(await db(), { email: "nobody@example.test", password: "wrong password here!!", ...who, ip: "198.51.100.2" });
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
