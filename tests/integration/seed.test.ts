import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, memberships, users } from "@/db/schema";
import { authenticate } from "@/lib/accounts/authenticate";
import { DEMO, seedDemo } from "@/lib/seed/seed-demo";
import { DEMO_RESELLERS } from "@/lib/seed/demo-partners-data";
import { publicIdPattern } from "@/lib/ids";
import { db } from "../support/factories";

describe("demo seed", () => {
  it("is idempotent and lets the demo staff user sign in", async () => {
    const database = await db();
    expect((await seedDemo(database)).created).toBe(true);
    expect((await seedDemo(database)).created).toBe(false);
    // The staff user, and one signee per demo reseller company (seed-demo-partners.test.ts).
    const [{ n }] = await database.select({ n: count() }).from(users);
    expect(n).toBe(1 + DEMO_RESELLERS.length);
    const [account] = await database.select().from(accounts).where(eq(accounts.name, DEMO.accountName));
    expect(account.publicId).toMatch(publicIdPattern.account);
    expect(account.role).toBe("distributor");
    expect(account.permissions.agreement.service.delegate).toBe(true);
    const [{ m }] = await database.select({ m: count() }).from(memberships).where(eq(memberships.accountId, account.id));
    expect(m).toBe(1);
    const r = await authenticate(database, { email: DEMO.email, password: DEMO.password, ip: "127.0.0.1", userAgent: "t" });
    expect(r.status).toBe("ok");
  });
});
