import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { catalogFiles, type Messages } from "@/messages";

// Issue 24: every language has exactly English's keys, each message is valid ICU with English's arguments,
// and every key is used by the code.

function leaves(obj: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else if (v && typeof v === "object") for (const [kk, vv] of leaves(v as Messages, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}

/** The arguments and tags a message uses: {name}, {count, plural, …}, <b>…</b>. */
function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    out.add(`${el.type === TYPE.tag ? "<>" : ""}${el.value}`);
    if (el.type === TYPE.tag) argumentsOf(el.children, out);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) argumentsOf(o.value, out);
  }
  return out;
}

const english = new Map(Object.entries(catalogFiles.en).map(([file, m]) => [file, leaves(m)]));

describe("message catalogs", () => {
  for (const locale of LOCALES.filter((l) => l !== "en")) {
    it(`${locale} has every key English has, and no other`, () => {
      expect(Object.keys(catalogFiles[locale]).sort()).toEqual([...english.keys()].sort());
      for (const [file, en] of english) {
        const theirs = leaves(catalogFiles[locale][file]);
        const missing = [...en.keys()].filter((k) => !theirs.has(k));
        const extra = [...theirs.keys()].filter((k) => !en.has(k));
        expect({ file, missing, extra }).toEqual({ file, missing: [], extra: [] });
      }
    });
  }

  it("every message is valid ICU, not empty, with the same arguments as English", () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      for (const [file, en] of english) {
        const theirs = leaves(catalogFiles[locale][file]);
        for (const [key, message] of theirs) {
          if (!message.trim()) problems.push(`${locale} ${key}: empty`);
          try {
            const args = [...argumentsOf(parse(message))].sort();
            const source = en.get(key);
            if (source !== undefined && locale !== "en") {
              const want = [...argumentsOf(parse(source))].sort();
              if (args.join() !== want.join()) problems.push(`${locale} ${key}: arguments ${args} instead of ${want}`);
            }
          } catch (e) {
            problems.push(`${locale} ${key}: ${(e as Error).message}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("every key is used by the code", () => {
    const roots = ["app", "components", "lib", "i18n"].map((d) => path.resolve(import.meta.dirname, "../..", d));
    const source = roots
      .flatMap(files)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const quoted = new Set([...source.matchAll(/["'`]([A-Za-z0-9_.-]+)["'`]/g)].map((m) => m[1]));
    // `status.${s}`: a key chosen at run time is used when the code holds its prefix.
    const prefixes = [...source.matchAll(/`([A-Za-z0-9_.-]+\.)\$\{/g)].map((m) => m[1]);
    const unused: string[] = [];
    for (const en of english.values()) {
      for (const key of en.keys()) {
        const parts = key.split(".");
        const used = parts.slice(1).some((_, i) => {
          const namespace = parts.slice(0, i + 1).join(".");
          const rest = parts.slice(i + 1).join(".");
          return quoted.has(namespace) && (quoted.has(rest) || prefixes.some((p) => rest.startsWith(p)));
        });
        if (!used) unused.push(key);
      }
    }
    expect(unused).toEqual([]);
  });
});

// The manual's words (Create Contract, Next, Go to Details, …) are what users know: in English they stay exact.
const manualWords: Record<string, string> = {
  "Contracts.create": "Create Contract",
  "Wizard.step.type": "Type",
  "Wizard.step.agreement": "Agreement",
  "Wizard.step.parameters": "Parameters",
  "Wizard.step.summary": "Summary",
  "Wizard.next": "Next",
  "Wizard.create": "Create",
  "Wizard.program": "Program",
  "Wizard.delegate": "Delegate",
  "Wizard.kind": "Kind",
  "Wizard.noteToSignee": "Note to signee",
  "Wizard.activationLink": "Activation link",
  "Wizard.goToDetails": "Go to Details",
  "Wizard.close": "Close",
  "Common.kind.test": "Test",
  "Common.kind.production": "Production",
  "Shell.contracts": "Contracts",
  "Shell.agreements": "Agreements",
  "Shell.directory": "Directory",
  "ContractDetails.tab.general": "General",
  "ContractDetails.tab.permissions": "Permissions",
  "ContractDetails.tab.versions": "Versions",
  "ContractDetails.tab.history": "History",
  "Activation.steps.review": "Review the contract",
  "Activation.steps.user": "Configure the user properties",
  "Activation.steps.company": "Configure the company properties",
  "Activation.steps.activate": "Activate the contract",
  "Activation.accepted": "I have read and accepted the agreement",
  "Activation.next": "Next",
  "Activation.activate": "Activate",
  "Reseller.sign": "Sign",
};

describe("the manual's words", () => {
  it("stay exactly as the manual writes them in English, and are translated in the other languages", () => {
    const en = new Map([...english.values()].flatMap((m) => [...m]));
    expect(Object.fromEntries(Object.keys(manualWords).map((k) => [k, en.get(k)]))).toEqual(manualWords);
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      const theirs = new Map(Object.values(catalogFiles[locale]).flatMap((m) => [...leaves(m)]));
      // "Test" and "Production" may read the same in a language (French "Test"); the sentences never do.
      for (const key of ["Contracts.create", "Wizard.goToDetails", "Activation.accepted", "Activation.steps.review"])
        expect(theirs.get(key), `${locale} ${key}`).not.toBe(manualWords[key]);
    }
  });
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx|mjs)$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}
