import { diffLines, diffWords } from "diff";

export type DiffPart = { kind: "added" | "removed" | "same"; text: string };
export type TextDiff = { mode: "lines" | "words"; parts: DiffPart[] };

/**
 * The readable difference between two agreement texts: one part per line for documents, by word when
 * both are a single line (a link, a short clause). Plain strings; the caller renders them as React text.
 */
export function textDiff(before: string, after: string): TextDiff {
  if (!before.includes("\n") && !after.includes("\n")) {
    return { mode: "words", parts: diffWords(before, after).map((c) => ({ kind: kindOf(c), text: c.value })) };
  }
  const parts = diffLines(before, after).flatMap((c) =>
    c.value
      .replace(/\n$/, "")
      .split("\n")
      .map((line) => ({ kind: kindOf(c), text: line })),
  );
  return { mode: "lines", parts };
}

function kindOf(c: { added?: boolean; removed?: boolean }): DiffPart["kind"] {
  return c.added ? "added" : c.removed ? "removed" : "same";
}

export function diffStats(d: TextDiff): { added: number; removed: number } {
  return { added: d.parts.filter((p) => p.kind === "added").length, removed: d.parts.filter((p) => p.kind === "removed").length };
}
