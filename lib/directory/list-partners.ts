import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import type { Viewer } from "@/lib/accounts/viewer";
import { col, queryRows } from "@/db/query";
import { signeeWords } from "@/lib/contracts/signee";
import { containing } from "@/lib/data/like";
import { withoutNul } from "@/lib/no-nul";

export const partnerFilters = ["active", "invited", "all"] as const;
export type PartnerFilter = (typeof partnerFilters)[number];

export const listPartnersSchema = z.object({
  status: z.enum(partnerFilters).default("all").catch("all"),
  q: z.string().trim().max(200).transform(withoutNul).optional().catch(undefined),
  /** "-created" (the default): newest first; "created"; "name": A to Z; "-name": Z to A. */
  sort: z.enum(["-created", "created", "name", "-name"]).default("-created").catch("-created"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type ListPartnersInput = z.input<typeof listPartnersSchema>;

export const PARTNERS_PAGE_SIZE = 50;

export type PartnerStatus = "active" | "terminated" | "expired" | "invited";

/** A reseller account that owns contracts of this distributor, or one still-pending invitation. */
export type PartnerRow = {
  kind: "account" | "invitation";
  /** PA-… for an account; the pending contract's CRS-… for an invitation. */
  publicId: string;
  name: string;
  status: PartnerStatus;
  contractCount: number;
  /** Newest first. */
  contractIds: string[];
  signeeName: string | null;
  /** The signee as every screen words it: "Name (email)", or "Invited: email" / "Link only" for an invitation. */
  signee: string;
  contactEmail: string | null;
  linkExpired: boolean;
  createdAt: Date;
};

export type PartnerPage = { rows: PartnerRow[]; page: number; hasMore: boolean };

/** Fixed fragments only: the sort parameter picks one, it is never written into SQL. */
const partnerOrders = {
  "-created": sql`created_at desc, public_id`,
  created: sql`created_at asc, public_id`,
  name: sql`lower(name) asc, public_id`,
  "-name": sql`lower(name) desc, public_id`,
} as const;

/**
 * The distributor's partners in ONE statement, every branch scoped to issuer_account_id = the viewer:
 * reseller accounts owning at least one of its contracts (Active while one is active; Expired when the rest
 * reached their end date and none was terminated; else Terminated),
 * and each pending contract as an "Invited" partner named by the company name given at creation, else
 * the email it was sent to, else "Link only".
 */
export async function listPartners(db: DbOrTx, viewer: Viewer, input: ListPartnersInput = {}): Promise<PartnerPage> {
  const p = listPartnersSchema.parse(input);
  const like = p.q ? containing(p.q) : null;
  const statusCond = p.status === "active" ? sql`status = 'active'` : p.status === "invited" ? sql`status = 'invited'` : sql`true`;
  const searchCond = like ? sql`(name ilike ${like} or contact_email ilike ${like} or public_id ilike ${like})` : sql`true`;
  const rows = await queryRows(
    db,
    sql`
      with owned as (
        select a.id as account_id, a.public_id, a.name, a.created_at,
               -- The rule of lib/directory/get-partner.ts partnerStatus, in SQL.
               case when bool_or(c.status = 'active') then 'active'
                    when bool_or(c.status = 'expired') and not bool_or(c.status = 'terminated') then 'expired'
                    else 'terminated' end as status,
               count(*) as contract_count,
               jsonb_agg(c.public_id order by c.created_at desc, c.id desc) as contract_ids
        from contracts c join accounts a on a.id = c.owner_account_id
        where c.issuer_account_id = ${viewer.accountId}
        group by a.id
      ),
      partners as (
        select 'account' as kind, o.public_id, o.name, o.status, o.contract_count, o.contract_ids,
               s.full_name as signee_name, s.email as contact_email, false as link_expired, o.created_at
        from owned o
        left join lateral (
          select u.full_name, u.email from contracts c join users u on u.id = c.signee_user_id
          where c.issuer_account_id = ${viewer.accountId} and c.owner_account_id = o.account_id
          order by (c.status = 'active') desc, c.activated_at desc nulls last limit 1
        ) s on true
        union all
        select 'invitation', c.public_id,
               coalesce(nullif(c.invited_company_name, ''), c.signee_email, 'Link only'),
               'invited', 1, jsonb_build_array(c.public_id),
               null, c.signee_email, c.link_expires_at < now(), c.created_at
        from contracts c
        where c.issuer_account_id = ${viewer.accountId} and c.status = 'pending'
      )
      select * from partners
      where ${statusCond} and ${searchCond}
      order by ${partnerOrders[p.sort]}
      limit ${PARTNERS_PAGE_SIZE + 1} offset ${(p.page - 1) * PARTNERS_PAGE_SIZE}`,
    {
      kind: col.oneOf<PartnerRow["kind"]>(),
      publicId: col.text,
      name: col.text,
      status: col.oneOf<PartnerStatus>(),
      contractCount: col.int,
      contractIds: col.json<string[]>(),
      signeeName: col.textOrNull,
      contactEmail: col.textOrNull,
      linkExpired: col.bool,
      createdAt: col.date,
    },
  );
  const page = rows.slice(0, PARTNERS_PAGE_SIZE).map((r): PartnerRow => {
    const invitation = r.kind === "invitation";
    return {
      ...r,
      signee: signeeWords({
        name: r.signeeName,
        email: invitation ? null : r.contactEmail,
        invitedEmail: invitation ? r.contactEmail : null,
        pending: invitation,
      }),
    };
  });
  return { page: p.page, hasMore: rows.length > PARTNERS_PAGE_SIZE, rows: page };
}
