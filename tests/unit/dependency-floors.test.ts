import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// SECURITY.md 19: versions with known advisories stay out, checked against what is actually installed.
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { version: string }> };
const installed = (name: string) => lock.packages[`node_modules/${name}`]?.version ?? "0.0.0";
const atLeast = (v: string, floor: string) => {
  const a = v.split(/[.-]/).map(Number);
  const b = floor.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i];
  return true;
};

describe("dependency floors", () => {
  it("next is at least 16.3.3", () => expect(atLeast(installed("next"), "16.3.3")).toBe(true));
  it("next-auth is exactly 5.0.0-beta.32", () => expect(installed("next-auth")).toBe("5.0.0-beta.32"));
  it("drizzle-orm is at least 0.45.2", () => expect(atLeast(installed("drizzle-orm"), "0.45.2")).toBe(true));
});
