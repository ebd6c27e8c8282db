import "server-only";
import { sql } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { queryRow, queryRows, type RowOf } from "@/db/query";
import { toViewer, viewerColumns, viewerSelect, viewerWith, type Viewer, type ViewerInput } from "@/lib/accounts/viewer";
import {
  contractDetailsColumns,
  contractDetailsSelect,
  getContractDetails,
  toContractDetails,
  type ContractDetails,
} from "@/lib/contracts/get-contract-details";
import { followUpColumns, followUpSelect, getFollowUp, type FollowUpInfo } from "@/lib/follow-up/get-follow-up";
import {
  contractListColumns,
  contractsPageOf,
  contractsPageQuery,
  listContracts,
  listContractsSchema,
  type ContractListPage,
  type ListContractsInput,
} from "@/lib/contracts/list-contracts";
import { decodeCursor } from "@/lib/data/keyset";
import { publicIdPattern } from "@/lib/ids";
import { PAGE_PATH_HEADER } from "@/lib/page-path";
import { requestInfo } from "@/lib/request-info";
import { readSession } from "@/lib/session-read";

/** The account cookie: which of the user's accounts is current (lib/session.ts re-exports it). */
export const ACCOUNT_COOKIE = "scp_account";

type FoldedDetails = { publicId: string; accountId: string; contract: ContractDetails | null; followUp: FollowUpInfo | null };
type FoldedList = { input: string; accountId: string; page: ContractListPage };
type RequestData = { viewer: Viewer | null; details?: FoldedDetails; list?: FoldedList };

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
  const page = pageOf(h.get(PAGE_PATH_HEADER));
  const details = issuerDetailsPath(page.path);
  if (details) return viewerWithIssuerDetails(input, details);
  if (page.path === "/partners/contracts") {
    const list = contractsInput(page.query);
    // A search stays its own statement: inside the fold its agreement and account subqueries depend on the
    // viewer's row and are re-run per contract instead of hashed once (bench: 360–1150 ms a request).
    if (!list.q) return viewerWithContracts(input, list);
  }
  const row = await queryRow(
    db,
    sql`with ${viewerWith(input)} select ${viewerSelect} from (select 1) one left join cur on true`,
    viewerColumns,
    { prepared: true },
  );
  return { viewer: row ? toViewer(row, input) : null };
});

function pageOf(header: string | null): { path: string | null; query: URLSearchParams } {
  if (!header) return { path: null, query: new URLSearchParams() };
  const at = header.indexOf("?");
  return at < 0
    ? { path: header, query: new URLSearchParams() }
    : { path: header.slice(0, at), query: new URLSearchParams(header.slice(at + 1)) };
}

/**
 * The Contracts list's input, read from its URL as its page reads it (a parameter given twice is ignored);
 * `issuerContractsPage` compares it with what the page asks for and takes the folded rows only when equal.
 */
export function contractsInput(query: URLSearchParams | Record<string, string | undefined>): ContractsInput {
  const one = (k: string) => {
    if (query instanceof URLSearchParams) return query.getAll(k).length === 1 ? (query.get(k) ?? undefined) : undefined;
    return query[k];
  };
  const parsed = listContractsSchema.parse({
    q: one("q") || undefined,
    status: one("status"),
    kind: one("kind"),
    sort: one("sort"),
    cursor: one("cursor"),
    limit: one("limit"),
  });
  return { ...parsed, q: parsed.q || undefined };
}
type ContractsInput = z.output<typeof listContractsSchema>;

/** The Contracts list's single statement: the viewer and one page of the account's contracts (as issuer). */
export async function viewerWithContracts(input: ViewerInput, list: ContractsInput): Promise<RequestData> {
  const query = contractsPageQuery(await getDb(), { accountId: sql`vw.v_account_id` }, list, decodeCursor(list.cursor));
  const rows = await queryRows(
    await getDb(),
    // `vw` once (materialized: its subqueries run once, not per row); the page's rows, in their order, beside it.
    sql`
      with ${viewerWith(input)}, vw as materialized (select ${viewerSelect} from (select 1) one left join cur on true)
      select vw.*, p.* from vw left join lateral (${query.getSQL()}) p on vw.v_user_id is not null`,
    { ...viewerColumns, ...contractListColumns },
    { prepared: true },
  );
  const viewer = rows[0] ? toViewer(rows[0], input) : null;
  if (!viewer) return { viewer };
  return { viewer, list: { input: JSON.stringify(list), accountId: viewer.accountId, page: contractsPageOf(rows, list) } };
}

/** The Contracts list page's rows: from the page's statement when it read the same input, else its own query. */
export async function issuerContractsPage(viewer: Viewer, input: ListContractsInput): Promise<ContractListPage> {
  const { list } = await requestData();
  const wanted = listContractsSchema.parse(input);
  if (list && list.accountId === viewer.accountId && list.input === JSON.stringify({ ...wanted, q: wanted.q || undefined }))
    return list.page;
  return listContracts(await getDb(), viewer, input);
}

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
