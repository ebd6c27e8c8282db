import { apiRoute, queryOf } from "@/lib/api/handler";
import { listContractEvents } from "@/lib/api/list-events";
import { toEvent } from "@/lib/api/resources";

/** The account's contract events after a cursor, oldest first. */
export const GET = apiRoute("read", async ({ db, viewer, url }) => {
  const page = await listContractEvents(db, viewer, queryOf(url));
  return { body: { data: page.data.map(toEvent), nextCursor: page.nextCursor } };
});
