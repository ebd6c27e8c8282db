import "server-only";
import { stringify } from "csv-stringify/sync";
import { and, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, agreements, contractFollowUps, contracts } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { exactInstant, keysetQuery, type Cursor } from "@/lib/data/keyset";
import { kindLabel, statusLabel } from "@/lib/format";
import { assertMayManageContracts } from "./contract-transition";
import { listContractsSchema, searchCondition } from "./list-contracts";

export const EXPORT_PAGE = 1000;

export const EXPORT_COLUMNS = [
  "Contract ID",
  "Agreement",
  "Agreement ID",
  "Partner",
  "Kind",
  "Status",
  "Created",
  "Updated",
  "Signee email",
  "Link expires",
  "First opened",
  "Last opened",
  "Opens",
  "Activated",
] as const;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return) as a formula
 * (CSV injection): such a cell is written with a leading apostrophe, which shows as text.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : "");

/** One keyset page of the export: the list's filters and search, newest first, after `cursor`. */
async function exportPage(db: DbOrTx, viewer: Viewer, p: ReturnType<typeof listContractsSchema.parse>, cursor: Cursor | null) {
  const keyset = keysetQuery({ at: contracts.createdAt, id: contracts.id }, cursor, "desc nulls last");
  const where: (SQL | undefined)[] = [eq(contracts.issuerAccountId, viewer.accountId), keyset.where];
  if (p.status) where.push(eq(contracts.status, p.status));
  if (p.kind) where.push(eq(contracts.kind, p.kind));
  if (p.q) where.push(searchCondition(viewer, p.q));
  return db
    .select({
      id: contracts.id,
      t: exactInstant(contracts.createdAt),
      publicId: contracts.publicId,
      agreementName: agreements.name,
      agreementPublicId: agreements.publicId,
      ownerName: accounts.name,
      invitedCompanyName: contracts.invitedCompanyName,
      signeeEmail: contracts.signeeEmail,
      kind: contracts.kind,
      status: contracts.status,
      createdAt: contracts.createdAt,
      updatedAt: contracts.updatedAt,
      linkExpiresAt: contracts.linkExpiresAt,
      activatedAt: contracts.activatedAt,
      firstOpenedAt: contractFollowUps.firstOpenedAt,
      lastOpenedAt: contractFollowUps.lastOpenedAt,
      openCount: contractFollowUps.openCount,
    })
    .from(contracts)
    .innerJoin(agreements, eq(agreements.id, contracts.agreementId))
    .leftJoin(accounts, eq(accounts.id, contracts.ownerAccountId))
    .leftJoin(contractFollowUps, eq(contractFollowUps.contractId, contracts.id))
    .where(and(...where))
    .orderBy(...keyset.orderBy)
    .limit(EXPORT_PAGE);
}

type ExportRow = Awaited<ReturnType<typeof exportPage>>[number];

function toCells(r: ExportRow): string[] {
  const partner = r.ownerName ?? r.invitedCompanyName ?? "";
  return [
    r.publicId,
    r.agreementName,
    r.agreementPublicId,
    partner,
    kindLabel[r.kind],
    statusLabel[r.status],
    iso(r.createdAt),
    iso(r.updatedAt),
    r.signeeEmail ?? "",
    r.status === "pending" ? iso(r.linkExpiresAt) : "",
    iso(r.firstOpenedAt),
    iso(r.lastOpenedAt),
    String(r.openCount ?? 0),
    iso(r.activatedAt),
  ].map(neutralizeCell);
}

/**
 * Export CSV of the Contracts list with its filters and search: a stream that reads one keyset page of
 * EXPORT_PAGE rows each time the client is ready for more, so a million contracts never sit in memory.
 * The caller's account only (the same scope as the list). UTF-8 with a BOM, so spreadsheets read accents.
 */
export function exportContractsCsv(
  db: DbOrTx,
  viewer: Viewer,
  input: { q?: string; status?: string; kind?: string } = {},
): ReadableStream<Uint8Array> {
  assertMayManageContracts(viewer);
  const p = listContractsSchema.parse({ ...input, cursor: undefined });
  const encoder = new TextEncoder();
  let cursor: Cursor | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\uFEFF${stringify([[...EXPORT_COLUMNS]], { record_delimiter: "windows" })}`));
          return;
        }
        const rows = await exportPage(db, viewer, p, cursor);
        if (rows.length > 0) controller.enqueue(encoder.encode(stringify(rows.map(toCells), { record_delimiter: "windows" })));
        if (rows.length < EXPORT_PAGE) {
          controller.close();
          return;
        }
        const last = rows[rows.length - 1];
        cursor = { t: last.t, id: last.id, dir: "next" };
      },
    },
    { highWaterMark: 1 },
  );
}

/** The file name: the account's ID and today's date. */
export function exportFileName(viewer: Viewer, now = new Date()): string {
  return `contracts-${viewer.accountPublicId}-${now.toISOString().slice(0, 10)}.csv`.replace(/[^A-Za-z0-9._-]/g, "_");
}
