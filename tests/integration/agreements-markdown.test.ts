import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { createAgreement } from "@/lib/agreements/create-agreement";
import { getAgreement } from "@/lib/agreements/get-agreement";
import { db, makeAccount } from "@/tests/support/factories";

const payload = [
  "# Terms",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[x](javascript:alert(1))",
  "[ok](https://example.com/terms)",
].join("\n\n");

describe("agreement text rendering", () => {
  it("never lets scripts, event handlers or javascript: links through, while keeping the text", async () => {
    const owner = await makeAccount();
    const database = await db();
    // Stored as typed (the hash is of what the author wrote) and rendered sanitized on the way out.
    const { publicId } = await createAgreement(database, owner.viewer, {
      type: "service",
      name: "XSS",
      description: payload,
      content: payload,
    });
    const detail = await getAgreement(database, owner.viewer, { publicId });
    expect(detail.shown?.content).toBe(payload);
    for (const text of [detail.description, detail.shown!.content]) {
      const html = renderToStaticMarkup(createElement(Markdown, null, text));
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/onerror=/i);
      expect(html).not.toMatch(/javascript:/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).toContain("<h1>Terms</h1>");
      expect(html).toContain('href="https://example.com/terms"');
      expect(html).toContain(">x</");
    }
  });
});
