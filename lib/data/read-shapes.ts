import type { ContentKind } from "@/db/schema";

/** Shapes several pages read alike, named once so a list and a details page cannot drift apart. */

/** An account or an agreement as pages name it: its public ID and its name. */
export type NamedRef = { publicId: string; name: string };

/** An agreement version's text, as the pages that show or sign one read it. */
export type VersionText = { number: number; content: string; contentKind: ContentKind };
