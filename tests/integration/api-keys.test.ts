import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { createApiKey, listApiKeys, loadKeyViewer, revokeApiKey } from "@/lib/api/api-keys";
import { isAppError } from "@/lib/errors";
import { settingsSections } from "@/lib/settings/sections";
import { actAs, db, makeAccount, makeMember } from "../support/factories";
import { NotFoundSignal } from "../support/next";

describe("Settings → API keys", () => {
  it("shows the key once, keeps only its sha-256, lists its prefix, and revoking it refuses the next request", async () => {
    const owner = await makeAccount();
    const { id, key, prefix } = await createApiKey(await db(), owner.viewer, { name: "CRM sync", scope: "write" });
    expect(key).toMatch(/^scp_live_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(prefix)).toBe(true);
    const [row] = await (await db()).select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(JSON.stringify(row)).not.toContain(key.slice(9));
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    const listed = await listApiKeys(await db(), owner.viewer);
    expect(listed).toEqual([expect.objectContaining({ id, name: "CRM sync", scope: "write", prefix, lastUsedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(key.slice(9));
    expect(await loadKeyViewer(await db(), key)).toMatchObject({ scope: "write", viewer: { accountId: owner.account.id } });
    await revokeApiKey(await db(), owner.viewer, { id });
    expect(await loadKeyViewer(await db(), key)).toBeNull();
    expect(await listApiKeys(await db(), owner.viewer)).toEqual([]);
  });

  it("only Owners and Admins manage keys; another account's key is not found", async () => {
    const owner = await makeAccount();
    const admin = await makeMember(owner, "admin");
    const member = await makeMember(owner, "member");
    const readonly = await makeMember(owner, "readonly");
    const other = await makeAccount();
    const { id } = await createApiKey(await db(), admin.viewer, { name: "By admin", scope: "read" });
    for (const who of [member, readonly]) {
      await expect(createApiKey(await db(), who.viewer, { name: "x", scope: "read" })).rejects.toSatisfy((e) => isAppError(e, "forbidden"));
      await expect(revokeApiKey(await db(), who.viewer, { id })).rejects.toSatisfy((e) => isAppError(e, "forbidden"));
    }
    await expect(revokeApiKey(await db(), other.viewer, { id })).rejects.toSatisfy((e) => isAppError(e, "not_found"));
    expect(settingsSections(owner.viewer).map((s) => s.label)).toContain("API keys");
    expect(settingsSections(member.viewer).map((s) => s.label)).not.toContain("API keys");
    const { default: Page } = await import("@/app/(portal)/settings/api-keys/page");
    actAs(member);
    await expect(Page()).rejects.toBeInstanceOf(NotFoundSignal);
    actAs(admin);
    await expect(Page()).resolves.toBeTruthy();
  });

  it("refuses a name that is empty or too long with the form's words", async () => {
    const owner = await makeAccount();
    await expect(createApiKey(await db(), owner.viewer, { name: " ", scope: "admin" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { name: "Enter a name.", scope: "Choose the key's scope." },
    });
  });

  it("a key stops working when its creator leaves the account", async () => {
    const owner = await makeAccount();
    const admin = await makeMember(owner, "admin");
    const { key } = await createApiKey(await db(), admin.viewer, { name: "Leaves", scope: "read" });
    const { memberships } = await import("@/db/schema");
    await (await db()).delete(memberships).where(eq(memberships.userId, admin.user.id));
    expect(await loadKeyViewer(await db(), key)).toBeNull();
  });
});
