import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DETAILS_CLIENT_WORDS } from "@/components/contracts/details/client-words";
import { pickMessages, type IslandWords } from "@/components/intl-island";
import { messagesFor } from "@/messages";

// Issue 23: the contract details island sends its client components only the words they show
// (components/contracts/details/client-words.ts). This reads those components, and every module they import,
// and checks the list is exactly the keys they use: a key missing from it would show as its raw name in
// the browser, one left over would travel for nothing.

const ROOT = process.cwd();
const DETAILS = path.join(ROOT, "components/contracts/details");

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const ext of ["", ".tsx", ".ts", "/index.tsx", "/index.ts"]) {
    const f = base + ext;
    if (existsSync(f) && statSync(f).isFile()) return f;
  }
  return null;
}

/** The client entry modules and everything they import, statically or through import(), inside the repository. */
function clientTree(entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/(?:^import(?! type)[^"]*?from|\bimport\()\s*"((?:\.|@\/)[^"]+)"/gm)) {
      const target = resolveImport(file, m[1]);
      if (target) queue.push(target);
    }
  }
  return [...seen];
}

/** Keys each namespace's translators are called with in `source`; calls whose key is not a string literal. */
function keysUsed(source: string, namespaces: string[]) {
  const used = new Map<string, Set<string>>(namespaces.map((n) => [n, new Set()]));
  const dynamic: string[] = [];
  for (const b of source.matchAll(/const (\w+) = useTranslations\("(\w+)"\)/g)) {
    const [, name, ns] = b;
    if (!used.has(ns)) continue;
    for (const call of source.matchAll(new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.raw)?\\(\\s*("([^"]*)"|[^)\\s])`, "g")))
      if (call[2] !== undefined) used.get(ns)!.add(call[2]);
      else dynamic.push(`${name}(${call[1]}…`);
  }
  return { used, dynamic };
}

const WORDS: IslandWords = DETAILS_CLIENT_WORDS;

describe("the contract details island's words", () => {
  const namespaces = Object.keys(WORDS);
  const entries = readdirSync(DETAILS)
    .filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."))
    .map((f) => path.join(DETAILS, f))
    .filter((f) => /^["']use client["']/m.test(readFileSync(f, "utf8")));
  const files = clientTree(entries);

  it("are exactly the keys its client components (and what they import) use, each a literal", () => {
    expect(entries.length).toBeGreaterThan(3);
    const used = new Map<string, Set<string>>(namespaces.map((n) => [n, new Set()]));
    const dynamic: string[] = [];
    for (const f of files) {
      const r = keysUsed(readFileSync(f, "utf8"), namespaces);
      for (const [n, keys] of r.used) for (const k of keys) used.get(n)!.add(k);
      dynamic.push(...r.dynamic.map((d) => `${path.relative(ROOT, f)}: ${d}`));
    }
    expect(dynamic).toEqual([]);
    for (const n of namespaces) expect([...WORDS[n]].sort(), n).toEqual([...used.get(n)!].sort());
  });

  it("each exist in the catalog, and the island sends those and no others", () => {
    const en = messagesFor("en") as Record<string, Record<string, unknown>>;
    for (const n of namespaces) for (const k of WORDS[n]) expect(en[n], `${n}.${k}`).toHaveProperty([k]);
    const sent = pickMessages("en", ["Common", ...namespaces], WORDS) as Record<string, Record<string, unknown>>;
    expect(sent.Common).toEqual(en.Common);
    for (const n of namespaces) {
      expect(Object.keys(sent[n]).sort()).toEqual([...WORDS[n]].sort());
      expect(Object.keys(sent[n]).length).toBeLessThan(Object.keys(en[n]).length);
    }
  });
});
