/**
 * Agreement text is shown to signees on the public activation page: an image there would load from
 * wherever its author points it (a tracking pixel reporting who opened the link, from where, when).
 * So no image is ever loaded: an https image becomes a link to it, labelled with its alt text, and any
 * other image (or one inside a link, where a nested link is not allowed) becomes its alt text.
 */
type Node = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: Node[] };

export function rehypeImagesAsLinks() {
  return (tree: Node) => replaceImages(tree, false);
}

function replaceImages(node: Node, insideLink: boolean): void {
  if (!node.children) return;
  const linked = insideLink || node.tagName === "a";
  node.children = node.children.map((child) => (child.type === "element" && child.tagName === "img" ? imageStandIn(child, linked) : child));
  for (const child of node.children) replaceImages(child, linked);
}

function imageStandIn(img: Node, insideLink: boolean): Node {
  const alt = typeof img.properties?.alt === "string" ? img.properties.alt.trim() : "";
  const src = typeof img.properties?.src === "string" ? img.properties.src : "";
  if (insideLink || !src.startsWith("https://")) return { type: "text", value: alt };
  return { type: "element", tagName: "a", properties: { href: src }, children: [{ type: "text", value: alt ? `Image: ${alt}` : "Image" }] };
}
