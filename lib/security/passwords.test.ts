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

describe("strength estimator and blocklist shipped with the app (issue 14 item 11, SECURITY.md 40)", () => {
  it.each([
    "password12345678",
    "qwertyuiop123456",
    "correct horse battery staple",
    "1q2w3e4r5t6y7u8i9o0p",
    "letmein123456789",
    "iloveyouiloveyou",
  ])("refuses %j with a clear message", (weak) => {
    expect(passwordProblem(weak)).toMatch(
      /^This password is too common or too easy to guess.*Choose a longer phrase of unrelated words\.$/,
    );
  });
  it("sees a known phrase through case, separators and a short suffix", () => {
    for (const p of [
      "p@ssw0rd12345678",
      "Correct-Horse-Battery-Staple!",
      "correct_horse_battery_staple_42",
      "The quick brown fox jumps over the lazy dog",
      "northwind-demo-password",
    ]) {
      expect(passwordProblem(p), p).toMatch(/too common/);
    }
  });
  it("accepts good passphrases", () => {
    for (const p of [
      "amber tractor sings under seven moons",
      "blue lagoon harbour sails at dawn",
      "kilo partner passphrase 2026",
      "my reseller passphrase is long",
    ]) {
      expect(passwordProblem(p), p).toBeUndefined();
    }
  });
  it("judges a crafted 256-character password quickly (it runs on a public page)", () => {
    const periodic = Array.from({ length: 256 }, (_, i) => "abcdefghijklmnopqrstuvwxyz0123456789 "[(i * 7919) % 37]).join("");
    const l33t = "4@8(3!1|0$5+7%2 ".repeat(16);
    passwordProblem("warm the estimator up once");
    for (const crafted of [periodic, l33t]) {
      const started = performance.now();
      passwordProblem(crafted);
      expect(performance.now() - started).toBeLessThan(1500);
    }
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
