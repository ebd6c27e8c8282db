import { diffLines, diffWords } from "diff";

export type DiffPart = { kind: "added" | "removed" | "same"; text: string };

/**
 * The readable difference between two agreement texts: by line for documents, by word when both are
 * a single line (a link, a short clause). Plain strings only; the caller renders them as React text.
 */
export function textDiff(before: string, after: string): DiffPart[] {
  const singleLine = !before.includes("\n") && !after.includes("\n");
  const changes = singleLine ? diffWords(before, after) : diffLines(before, after);
  return changes.map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}

export function diffStats(parts: DiffPart[]): { added: number; removed: number } {
  const lines = (p: DiffPart) => p.text.split("\n").filter((l) => l.length > 0).length || 1;
  return {
    added: parts.filter((p) => p.kind === "added").reduce((n, p) => n + lines(p), 0),
    removed: parts.filter((p) => p.kind === "removed").reduce((n, p) => n + lines(p), 0),
  };
}
