import { describe, expect, it } from "vitest";
import { hashToken, newActivationToken } from "@/lib/security/tokens";
import { openProgress, PROGRESS_TTL_SECONDS, sealProgress } from "./progress-cookie";
import type { ActivationProgress } from "./progress";

const HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
const progress: ActivationProgress = {
  email: "rita@example.test",
  mode: "new",
  fullName: "Rita Reseller",
  passwordHash: HASH,
  company: { kind: "new", name: "Rita Resale LLC" },
};
const linkA = hashToken(newActivationToken());
const linkB = hashToken(newActivationToken());

describe("the signed activation progress cookie", () => {
  it("gives back what was kept, for the same link, within its lifetime", () => {
    expect(openProgress(linkA, sealProgress(linkA, progress))).toEqual(progress);
  });

  it("keeps the password hash encrypted: the cookie value shows neither the hash nor any part of it", () => {
    const value = sealProgress(linkA, progress);
    const readable = Buffer.from(value.split(".")[0], "base64url").toString("utf8");
    expect(readable).toContain("rita@example.test");
    expect(readable).not.toContain("argon2");
    expect(readable).not.toContain(HASH.slice(-20));
  });

  it("is worthless on another link (moved cookie)", () => {
    expect(openProgress(linkB, sealProgress(linkA, progress))).toBeNull();
  });

  it("cannot be forged: any change to the content or the signature is refused", () => {
    const [body, sig] = sealProgress(linkA, progress).split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    const forged = Buffer.from(JSON.stringify({ ...payload, p: { ...payload.p, mode: "existing", userId: crypto.randomUUID() } })).toString(
      "base64url",
    );
    expect(openProgress(linkA, `${forged}.${sig}`)).toBeNull();
    // Re-pointing the content at another link without the key fails too.
    const moved = Buffer.from(JSON.stringify({ ...payload, th: linkB })).toString("base64url");
    expect(openProgress(linkB, `${moved}.${sig}`)).toBeNull();
    const flipped = sig.slice(0, -2) + (sig.endsWith("A") ? "BB" : "AA");
    expect(openProgress(linkA, `${body}.${flipped}`)).toBeNull();
    for (const junk of ["", ".", "x.y", `${body}`, `${body}.${sig}.extra`, "a".repeat(5000)]) expect(openProgress(linkA, junk)).toBeNull();
  });

  it("is refused when signed with another secret", () => {
    const value = sealProgress(linkA, progress);
    const saved = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "another-secret-another-secret-another-secret-0";
    try {
      expect(openProgress(linkA, value)).toBeNull();
    } finally {
      process.env.AUTH_SECRET = saved;
    }
  });

  it("expires after its short lifetime, whatever the browser keeps", () => {
    const now = Date.now();
    const value = sealProgress(linkA, progress, now);
    expect(openProgress(linkA, value, now + (PROGRESS_TTL_SECONDS - 5) * 1000)).toEqual(progress);
    expect(openProgress(linkA, value, now + (PROGRESS_TTL_SECONDS + 1) * 1000)).toBeNull();
  });
});
