import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { rehypeImagesAsLinks } from "./markdown-images";

// Raw HTML is never parsed (no rehype-raw); sanitize anyway, and allow only https links. Images are
// never loaded (see markdown-images.ts).
export const markdownSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ["https"], src: ["https"] },
};

export function safeUrl(url: string): string {
  try {
    return new URL(url).protocol === "https:" ? url : "";
  } catch {
    return url.startsWith("#") ? url : "";
  }
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer nofollow" target="_blank">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
};

/** Agreement text and descriptions: markdown, rendered and sanitized, images only as links (docs/security-requirements.md 27). */
export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return (
    <div className={`agreement-prose ${className}`}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeSanitize, markdownSchema], rehypeImagesAsLinks]}
        urlTransform={safeUrl}
        components={components}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
