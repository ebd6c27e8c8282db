import "server-only";
import { sql } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { queryRow, type RowOf } from "@/db/query";
import { toViewer, viewerColumns, viewerSelect, viewerWith, type Viewer, type ViewerInput } from "@/lib/accounts/viewer";
import {
  contractDetailsColumns,
  contractDetailsSelect,
  getContractDetails,
  toContractDetails,
  type ContractDetails,
} from "@/lib/contracts/get-contract-details";
import { followUpColumns, followUpSelect, getFollowUp, type FollowUpInfo } from "@/lib/follow-up/get-follow-up";
import { publicIdPattern } from "@/lib/ids";
import { PAGE_PATH_HEADER } from "@/lib/page-path";
import { requestInfo } from "@/lib/request-info";
import { readSession } from "@/lib/session-read";

/** The account cookie: which of the user's accounts is current (lib/session.ts re-exports it). */
export const ACCOUNT_COOKIE = "scp_account";

type FoldedDetails = { publicId: string; accountId: string; contract: ContractDetails | null; followUp: FollowUpInfo | null };
type RequestData = { viewer: Viewer | null; details?: FoldedDetails };

/**
 * Issue 23: one statement per page. The first reader of the viewer in a request (a layout, usually, which
 * renders beside the page) runs the viewer query; on a page that folds its own data into it, that page's
 * single statement instead: the viewer (session version checked against the database, memberships,
 * permissions from active contracts, all read afresh) and the page's rows, scoped to the viewer's account
 * inside the statement. The page then takes its rows from here (`issuerContractDetails`), after its own
 * access checks, and runs its own query if the fold did not cover it (no path header, another account).
 * Cached per request only (React `cache`).
 */
export const requestData = cache(async (): Promise<RequestData> => {
  const session = await readSession();
  if (!session) return { viewer: null };
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const input: ViewerInput = {
    userId: session.uid,
    sessionVersion: session.sv,
    accountPublicId: jar.get(ACCOUNT_COOKIE)?.value,
    ...requestInfo(h),
  };
  const db = await getDb();
  const details = issuerDetailsPath(h.get(PAGE_PATH_HEADER));
  if (details) return viewerWithIssuerDetails(input, details);
  const row = await queryRow(
    db,
    sql`with ${viewerWith(input)} select ${viewerSelect} from (select 1) one left join cur on true`,
    viewerColumns,
    { prepared: true },
  );
  return { viewer: row ? toViewer(row, input) : null };
});

/** `/partners/contracts/<contract ID>`: the contract details page (issuer); its ID, else null. */
function issuerDetailsPath(path: string | null): string | null {
  const m = path ? /^\/partners\/contracts\/([^/]+)$/.exec(path) : null;
  if (!m) return null;
  let id: string;
  try {
    id = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  return publicIdPattern.contract.test(id) ? id : null;
}

/** The details page's single statement: viewer, contract (as its issuer) and its follow-up. */
export async function viewerWithIssuerDetails(input: ViewerInput, publicId: string): Promise<RequestData> {
  const row = await queryRow(
    await getDb(),
    sql`
      with ${viewerWith(input)}
      select ${viewerSelect}, d.*, fu.*
      from (select 1) one
      left join cur on true
      left join lateral (${contractDetailsSelect(publicId, sql`c.issuer_account_id = cur.account_id`)}) d on true
      left join lateral (
        select ${followUpSelect}
        from contracts c left join contract_follow_ups f on f.contract_id = c.id
        where c.id = d.id
      ) fu on true`,
    { ...viewerColumns, ...contractDetailsColumns, ...followUpColumns, id: (v: unknown) => v as string | null },
    { prepared: true },
  );
  const viewer = row ? toViewer(row, input) : null;
  if (!row || !viewer) return { viewer };
  const found = row.id !== null;
  return {
    viewer,
    details: {
      publicId,
      accountId: viewer.accountId,
      contract: found ? toContractDetails(pick(row, contractDetailsColumns), "issuer") : null,
      followUp: found
        ? {
            remindersEnabled: row.remindersEnabled,
            firstOpenedAt: row.firstOpenedAt,
            lastOpenedAt: row.lastOpenedAt,
            openCount: row.openCount,
            lastOpenIp: row.lastOpenIp,
            lastOpenUserAgent: row.lastOpenUserAgent,
            remindersSent: row.remindersSent,
          }
        : null,
    },
  };
}

/** Only the fields of `columns` (the folded row holds the viewer's and the follow-up's too). */
function pick<C extends object>(row: Record<string, unknown>, columns: C): RowOf<C & Record<string, never>> {
  return Object.fromEntries(Object.keys(columns).map((k) => [k, row[k]])) as never;
}

async function folded(viewer: Viewer, publicId: string): Promise<FoldedDetails | undefined> {
  const { details } = await requestData();
  return details && details.publicId === publicId && details.accountId === viewer.accountId ? details : undefined;
}

/** The contract details page's contract (as its issuer): from the page's statement, else its own query. */
export async function issuerContractDetails(viewer: Viewer, publicId: string): Promise<ContractDetails> {
  const f = await folded(viewer, publicId);
  if (f) return f.contract ?? toContractDetails(undefined, "issuer");
  return getContractDetails(await getDb(), viewer, publicId, "issuer");
}

/** The contract details page's follow-up: from the page's statement, else its own query. */
export async function issuerFollowUp(viewer: Viewer, publicId: string): Promise<FollowUpInfo | null> {
  const f = await folded(viewer, publicId);
  if (f) return f.followUp;
  return getFollowUp(await getDb(), viewer, publicId);
}
