import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ContentKind } from "@/db/schema";
import { col } from "@/db/query";

/** Shapes several pages read alike, named once so a list and a details page cannot drift apart. */

/** An account or an agreement as pages name it: its public ID and its name. */
export type NamedRef = { publicId: string; name: string };

/** An agreement version's text, as the pages that show or sign one read it. */
export type VersionText = { number: number; content: string; contentKind: ContentKind };

/** Raw SQL selecting the row under `alias` (an account or an agreement) as a NamedRef; null without a row. */
export function namedRef(alias: string): SQL {
  const t = sql.identifier(alias);
  return sql`case when ${t}.id is null then null else jsonb_build_object('publicId', ${t}.public_id, 'name', ${t}.name) end`;
}

export const namedRefColumn = col.json<NamedRef>();
export const namedRefOrNullColumn = col.json<NamedRef | null>();
