import { describe, expect, it } from "vitest";
import { activationLink, decryptToken, encryptToken, hashToken, isWellFormedToken, issueToken } from "./tokens";

describe("activation tokens", () => {
  it("are 32 random bytes in base64url and never repeat", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const { token } = issueToken();
      expect(isWellFormedToken(token)).toBe(true);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      seen.add(token);
    }
    expect(seen.size).toBe(200);
  });
  it("refuses any other shape", () => {
    for (const bad of ["", "abc", "a".repeat(44), `${"a".repeat(42)}=`, `${"a".repeat(42)}/`, "../../etc/passwd"]) {
      expect(isWellFormedToken(bad)).toBe(false);
    }
  });
  it("stores a sha256 hash and an AES-GCM ciphertext, neither containing the token", () => {
    const { token, tokenHash, tokenCiphertext } = issueToken();
    expect(tokenHash).toBe(hashToken(token));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenCiphertext).not.toContain(token);
    expect(decryptToken(tokenCiphertext)).toBe(token);
    expect(encryptToken(token)).not.toBe(tokenCiphertext); // random IV
  });
  it("rejects a tampered ciphertext", () => {
    const { tokenCiphertext } = issueToken();
    const raw = Buffer.from(tokenCiphertext, "base64url");
    raw[raw.length - 1] ^= 1;
    expect(() => decryptToken(raw.toString("base64url"))).toThrow();
  });
  it("builds links from APP_URL only", () => {
    expect(activationLink("T".repeat(43))).toBe(`${process.env.APP_URL}/activate/${"T".repeat(43)}`);
  });
});
