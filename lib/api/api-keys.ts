import { errorKey } from "@/lib/message-keys";
import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { col, queryRow } from "@/db/query";
import { apiKeys } from "@/db/schema";
import { requireChange, requireManager } from "@/lib/accounts/roles";
import type { AccountRole, Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { logSecurity } from "@/lib/log";
import { mergePermissions, type Permissions } from "@/lib/permissions";
import { hashToken } from "@/lib/security/tokens";
import { createApiKeySchema, revokeApiKeySchema, type ApiKeyScope } from "./schemas";

/** "scp_live_" and 32 random bytes in base64url (43 characters). */
export const API_KEY_PATTERN = /^scp_live_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = "scp_live_".length + 6;

export type ApiKeyRow = {
  id: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  createdBy: string;
};

/** Creates a key for the caller's account (Owners and Admins); the full key is returned this once only. */
export async function createApiKey(db: Db, viewer: Viewer, input: unknown): Promise<{ id: string; key: string; prefix: string }> {
  requireChange(viewer);
  requireManager(viewer);
  const { name, scope } = parseOrThrow(createApiKeySchema, input);
  const key = `scp_live_${randomBytes(32).toString("base64url")}`;
  const prefix = key.slice(0, PREFIX_LENGTH);
  const [row] = await db
    .insert(apiKeys)
    .values({ accountId: viewer.accountId, name, scope, prefix, keyHash: hashToken(key), createdByUserId: viewer.userId })
    .returning({ id: apiKeys.id });
  logSecurity("api_key.created", { user: viewer.userPublicId, account: viewer.accountPublicId, prefix, scope, ip: viewer.ip });
  return { id: row.id, key, prefix };
}

/** The account's keys that still work, newest first (never the key, only its prefix). */
export async function listApiKeys(db: DbOrTx, viewer: Viewer): Promise<ApiKeyRow[]> {
  requireManager(viewer);
  const { users } = await import("@/db/schema");
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      scope: apiKeys.scope,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      createdBy: users.fullName,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(and(eq(apiKeys.accountId, viewer.accountId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows;
}

/** Revokes one of the account's keys: the next request with it is refused. */
export async function revokeApiKey(db: Db, viewer: Viewer, input: unknown): Promise<void> {
  requireChange(viewer);
  requireManager(viewer);
  const { id } = parseOrThrow(revokeApiKeySchema, input);
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.accountId, viewer.accountId), isNull(apiKeys.revokedAt)))
    .returning({ prefix: apiKeys.prefix });
  if (!row) throw new AppError("not_found", errorKey("apiKeyNotFound"));
  logSecurity("api_key.revoked", { user: viewer.userPublicId, account: viewer.accountPublicId, prefix: row.prefix, ip: viewer.ip });
}

export type ApiKeyViewer = { keyId: string; scope: ApiKeyScope; prefix: string; viewer: Viewer };

/**
 * The Viewer a request's key acts as: its account, with that account's effective permissions (its role's
 * plus its active contracts', read now, so a terminated contract's grants are gone at the next request).
 * Events name the key's creator as the user. Null for an unknown or revoked key, or when its creator no
 * longer belongs to the account.
 */
export async function loadKeyViewer(
  db: DbOrTx,
  key: string,
  request: { ip?: string | null; userAgent?: string | null } = {},
): Promise<ApiKeyViewer | null> {
  if (!API_KEY_PATTERN.test(key)) return null;
  const r = await queryRow(
    db,
    sql`
      select k.id as key_id, k.scope, k.prefix, u.id as user_id, u.public_id as user_public_id, u.email, u.full_name,
             a.id as account_id, a.public_id as account_public_id, a.name as account_name, a.role, a.permissions,
             coalesce((select jsonb_agg(c.permissions) from contracts c
                       where c.owner_account_id = a.id and c.status = 'active'), '[]'::jsonb) as granted
      from api_keys k
      join accounts a on a.id = k.account_id
      join users u on u.id = k.created_by_user_id
      join memberships m on m.user_id = u.id and m.account_id = a.id
      where k.key_hash = ${hashToken(key)} and k.revoked_at is null
      limit 1`,
    {
      keyId: col.text,
      scope: col.oneOf<ApiKeyScope>(),
      prefix: col.text,
      userId: col.text,
      userPublicId: col.text,
      email: col.text,
      fullName: col.text,
      accountId: col.text,
      accountPublicId: col.text,
      accountName: col.text,
      role: col.oneOf<AccountRole>(),
      permissions: col.json<Permissions>(),
      granted: col.json<Permissions[]>(),
    },
  );
  if (!r) return null;
  const { keyId, scope, prefix, permissions, granted, ...who } = r;
  return {
    keyId,
    scope,
    prefix,
    viewer: {
      ...who,
      // A read key changes nothing (as a Read-only member); a write key works as a Member of the account.
      memberRole: scope === "write" ? "member" : "readonly",
      permissions: mergePermissions(permissions, ...granted),
      accounts: [{ id: who.accountId, publicId: who.accountPublicId, name: who.accountName, role: who.role }],
      ip: request.ip ?? null,
      userAgent: request.userAgent ? `API key ${prefix}… ${request.userAgent}` : `API key ${prefix}…`,
    },
  };
}

/** Marks the key used (at most once a minute, so reads do not write on every request). */
export async function touchApiKey(db: DbOrTx, keyId: string): Promise<void> {
  await db.execute(
    sql`update api_keys set last_used_at = now() where id = ${keyId} and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
  );
}
