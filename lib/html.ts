/**
 * Markup as a string, for the few places that render many identical small elements on the server: the
 * Contracts list's rows (components/ui/table-shell.tsx) and the HTML emails (lib/email/render.ts).
 * A React element costs the server twice (once in the RSC payload, once in the HTML); a string of markup
 * costs a copy. Every interpolated value is escaped unless it is itself `Markup` made by `markup`, so a value
 * can never become markup by accident. (The tag is not called `html`: Prettier would reformat the
 * template's text as HTML, adding whitespace to the output.)
 */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe inside an element or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Markup that `markup` inserts as is. Only `markup` and `attrs` make one. */
export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type MarkupPart = Markup | string | number | null | undefined | false | readonly MarkupPart[];

function part(p: MarkupPart): string {
  if (p === null || p === undefined || p === false) return "";
  if (p instanceof Markup) return p.html;
  if (Array.isArray(p)) return p.map(part).join("");
  return escapeHtml(String(p));
}

/** markup`<td class="x">${text}</td>`: the template's own text is markup, every `${…}` is escaped text. */
export function markup(strings: TemplateStringsArray, ...parts: MarkupPart[]): Markup {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += part(parts[i]!) + strings[i + 1]!;
  return new Markup(out);
}

/** Attributes from a record: `undefined` leaves one out; names must be literal in the caller's code. */
export function attrs(record: Record<string, string | undefined>): Markup {
  let out = "";
  for (const [name, value] of Object.entries(record)) if (value !== undefined) out += ` ${name}="${escapeHtml(value)}"`;
  return new Markup(out);
}
