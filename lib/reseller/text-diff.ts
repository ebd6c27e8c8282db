import { diffLines, diffWords } from "diff";

export type DiffPart = { kind: "added" | "removed" | "same"; text: string };
export type TextDiff = { mode: "lines" | "words"; parts: DiffPart[] };

/**
 * Line endings are not content: a version pasted on Windows (CRLF) or saved without a final newline
 * must not show its unchanged lines as removed and added again.
 */
function normalize(text: string): string {
  const unix = text.replace(/\r\n?/g, "\n");
  return unix.endsWith("\n") ? unix : `${unix}\n`;
}

/**
 * The readable difference between two agreement texts: one part per line for documents, by word when
 * both are a single line (a link, a short clause). Plain strings; the caller renders them as React text.
 */
export function textDiff(before: string, after: string): TextDiff {
  const [a, b] = [normalize(before), normalize(after)];
  if (a.indexOf("\n") === a.length - 1 && b.indexOf("\n") === b.length - 1) {
    return { mode: "words", parts: diffWords(a.slice(0, -1), b.slice(0, -1)).map((c) => ({ kind: kindOf(c), text: c.value })) };
  }
  const parts = diffLines(a, b).flatMap((c) =>
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

/** Lines (or words) added and removed; a blank line is spacing, not a change worth counting. */
export function diffStats(d: TextDiff): { added: number; removed: number } {
  const counted = (kind: DiffPart["kind"]) => d.parts.filter((p) => p.kind === kind && p.text.trim() !== "").length;
  return { added: counted("added"), removed: counted("removed") };
}
