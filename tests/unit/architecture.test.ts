import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Data flows one way (docs/CONVENTIONS.md): app/ → components/ → lib/ → db/. Pages pass server actions
// down as props, so nothing below app/ imports from it; db/ knows nothing of lib/; schemas live in
// lib/<domain>/schemas, never inside an action file.

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });

const importsOf = (file: string): string[] =>
  [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);

describe("architecture", () => {
  it("nothing in components/ or lib/ imports from app/", () => {
    const offenders = [...sourceFiles("components"), ...sourceFiles("lib")].flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith("@/app/"))
        .map((i) => `${f} → ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it("db/ imports nothing from lib/", () => {
    const offenders = sourceFiles("db").flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith("@/lib/"))
        .map((i) => `${f} → ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it("no server action file defines a schema of its own", () => {
    const actionFiles = sourceFiles("app").filter((f) => /(^|[/-])actions\.tsx?$/.test(f));
    expect(actionFiles.length).toBeGreaterThan(0);
    expect(actionFiles.filter((f) => importsOf(f).includes("zod"))).toEqual([]);
  });
});
