import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from "./passwords";

describe("password policy (NIST SP 800-63B)", () => {
  it("asks for at least 15 characters and at most 256, counting characters not bytes", () => {
    expect(passwordProblem("short-password")).toMatch(/at least 15/);
    expect(passwordProblem("ünïcödé-päss-wö")).toBeUndefined(); // 15 characters, more than 15 bytes
    expect(passwordProblem("a long enough phrase".padEnd(257, "x"))).toMatch(/at most 256/);
  });
  it("has no composition rules but refuses common passwords and the email's name", () => {
    expect(passwordProblem("all lower case words here")).toBeUndefined();
    expect(passwordProblem("passwordpassword")).toMatch(/too common/);
    expect(passwordProblem("aaaaaaaaaaaaaaaaaaaa")).toMatch(/too common/);
    expect(passwordProblem("jane.doe-rocks-forever", "Jane.Doe@example.com")).toMatch(/email name/);
  });
});

describe("argon2id hashing", () => {
  it("stores a PHC string with m=19456, t=2, p=1 and a random salt", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(needsRehash(a)).toBe(false);
  });
  it("normalises with NFKC, so the same phrase typed differently verifies", async () => {
    const h = await hashPassword("ｆｕｌｌｗｉｄｔｈ passphrase here");
    expect(await verifyPassword(h, "fullwidth passphrase here")).toBe(true);
    expect(await verifyPassword(h, "fullwidth passphrase herE")).toBe(false);
  });
  it("does not truncate long passwords", async () => {
    const base = "x".repeat(200);
    const h = await hashPassword(`${base}A`);
    expect(await verifyPassword(h, `${base}B`)).toBe(false);
  });
});
