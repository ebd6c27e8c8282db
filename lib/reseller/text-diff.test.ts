import { describe, expect, it } from "vitest";
import { diffStats, textDiff } from "./text-diff";

const changed = (before: string, after: string) => textDiff(before, after).parts.filter((p) => p.kind !== "same");

describe("textDiff", () => {
  it("shows no change where only the line endings differ", () => {
    expect(changed("# Terms\n\n1. Pay in 30 days.\n2. Be nice.\n", "# Terms\r\n\r\n1. Pay in 30 days.\r\n2. Be nice.\r\n")).toEqual([]);
    expect(changed("# Terms\r1. Pay.", "# Terms\n1. Pay.")).toEqual([]);
  });

  it("does not show the last line as removed and added when a line is appended after it", () => {
    const d = textDiff("# Terms\n\n1. Pay in 30 days.", "# Terms\n\n1. Pay in 30 days.\n2. Data protection.");
    expect(d.parts.filter((p) => p.kind !== "same")).toEqual([{ kind: "added", text: "2. Data protection." }]);
    expect(diffStats(d)).toEqual({ added: 1, removed: 0 });
  });

  it("counts changed lines, not blank ones", () => {
    const d = textDiff("# Terms\n\n1. Pay in 30 days.\n", "# Terms\n\n1. Pay in 45 days.\n\n\n## 8. Data\n\nAddendum.\n");
    expect(diffStats(d)).toEqual({ added: 3, removed: 1 });
  });

  it("compares single lines word by word, whatever their line ending", () => {
    const d = textDiff("https://example.com/terms-v1.pdf\r\n", "https://example.com/terms-v2.pdf");
    expect(d.mode).toBe("words");
    expect(d.parts.filter((p) => p.kind !== "same").map((p) => p.kind)).toEqual(["removed", "added"]);
  });
});
