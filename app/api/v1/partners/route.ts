import { apiRoute, queryOf } from "@/lib/api/handler";
import { toPartnerList } from "@/lib/api/resources";
import { assertMayInvitePartners } from "@/lib/directory/access";
import { listPartners } from "@/lib/directory/list-partners";

/** The Directory tab's list: status (active, invited, all), search (q) and its numbered pages of 50. */
export const GET = apiRoute("read", async ({ db, viewer, url }) => {
  assertMayInvitePartners(viewer);
  return { body: toPartnerList(await listPartners(db, viewer, queryOf(url))) };
});
