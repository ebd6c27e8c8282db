import { errorKey } from "@/lib/message-keys";
import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { col, queryRow } from "@/db/query";
import type { MemberRole, Viewer } from "@/lib/accounts/viewer";
import { AppError } from "@/lib/errors";

/**
 * Every change to an account's members (role, removal, joining) starts by locking the account's row, so
 * one account's changes run one after another: "is this the last Owner?" is then answered and acted on in
 * the same transaction with nothing racing it (on PostgreSQL; PGlite has one connection anyway). Returns
 * the caller's role as it is now, under the lock, since it may have changed since the request began.
 */
export async function lockAccountAsManager(
  tx: Tx,
  viewer: Viewer,
): Promise<{ actorRole: MemberRole; account: { name: string; publicId: string } }> {
  const row = await queryRow(
    tx,
    sql`
      with locked as (select id, name, public_id from accounts where id = ${viewer.accountId} for update)
      select l.name, l.public_id, m.role
      from locked l left join memberships m on m.account_id = l.id and m.user_id = ${viewer.userId}`,
    { name: col.text, publicId: col.text, role: col.textOrNull },
  );
  const actorRole = row?.role as MemberRole | null | undefined;
  if (!row || (actorRole !== "owner" && actorRole !== "admin")) throw new AppError("forbidden");
  return { actorRole, account: { name: row.name, publicId: row.publicId } };
}

export async function ownerCount(tx: Tx, accountId: string): Promise<number> {
  const row = await queryRow(tx, sql`select count(*) as n from memberships where account_id = ${accountId} and role = 'owner'`, {
    n: col.int,
  });
  return row?.n ?? 0;
}

export const OWNER_ONLY = errorKey("ownerOnly");
export const LAST_OWNER = errorKey("lastOwner");
