import "server-only";
import type { Element, Nodes, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { urlAttributes } from "html-url-attributes";
import { createHash } from "node:crypto";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { markdownSchema, safeUrl } from "./markdown";
import { rehypeImagesAsLinks } from "./markdown-images";

/**
 * Agreement text rendered on the server to an HTML string, once per text: versions are immutable, so the
 * HTML is cached by the text's SHA-256 in a bounded LRU (by entries and by bytes). The pipeline is the one
 * <Markdown> runs through react-markdown (same plugins, same sanitize schema, same link rules), ending in
 * an HTML string instead of React elements; tests/security/markdown-xss.test.ts runs both.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeSanitize, markdownSchema)
  .use(rehypeImagesAsLinks)
  .freeze();

const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr"]);

/** react-markdown's own post-processing, then <Markdown>'s `a` component: https links open apart, the rest is text. */
function finish(node: Nodes, parent?: Root | Element, index?: number): void {
  if (node.type === "raw" && parent && index !== undefined) {
    parent.children[index] = { type: "text", value: node.value };
    return;
  }
  if (node.type === "element") {
    for (const key of Object.keys(urlAttributes)) {
      const test = urlAttributes[key];
      if (Object.hasOwn(node.properties, key) && (test === null || test.includes(node.tagName)))
        node.properties[key] = safeUrl(String(node.properties[key] || ""));
    }
    // hast-util-to-jsx-runtime drops whitespace between table parts (React would warn on it).
    if (TABLE_PARTS.has(node.tagName)) node.children = node.children.filter((c) => !(c.type === "text" && /^[ \t\n\f\r]*$/.test(c.value)));
    if (node.tagName === "a") {
      const href = node.properties.href;
      if (href) node.properties = { href, rel: ["noopener", "noreferrer", "nofollow"], target: "_blank" };
      else Object.assign(node, { tagName: "span", properties: {} });
    }
  }
  if ("children" in node) node.children.forEach((child, i) => finish(child as Nodes, node as Root | Element, i));
}

export function markdownToHtml(text: string): string {
  const tree = processor.runSync(processor.parse(text)) as Root;
  finish(tree);
  return toHtml(tree, { characterReferences: { useNamedReferences: true } });
}

const MAX_ENTRIES = 500;
const MAX_CHARS = 8_000_000;
const cache = new Map<string, string>();
let chars = 0;

/** The cached HTML of a text; the least recently used entries go once the cache holds 500 texts or 8 M characters. */
export function cachedMarkdownHtml(text: string): string {
  const key = createHash("sha256").update(text).digest("base64url");
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = markdownToHtml(text);
  cache.set(key, html);
  chars += html.length;
  for (const [oldest, value] of cache) {
    if (cache.size <= MAX_ENTRIES && chars <= MAX_CHARS) break;
    cache.delete(oldest);
    chars -= value.length;
  }
  return html;
}

export function markdownCacheSize(): { entries: number; chars: number } {
  return { entries: cache.size, chars };
}

/** <Markdown> for server components: the same HTML, from the cache (client previews keep <Markdown>). */
export function CachedMarkdown({ children, className = "" }: { children: string; className?: string }) {
  // Sanitized above (rehype-sanitize, https-only links, no images): SECURITY.md 27.
  return <div className={`agreement-prose ${className}`} dangerouslySetInnerHTML={{ __html: cachedMarkdownHtml(children) }} />;
}
