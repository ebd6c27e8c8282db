import { eq, inArray, sql } from "drizzle-orm";
import { accounts, contractVersions, memberships, rateLimits, users } from "@/db/schema";
import { ACTIVATION_LIMIT_PER_TOKEN } from "@/lib/activation/rate-limits";
import { hashToken } from "@/lib/security/tokens";
import { activationMails, eventsOf, NEW_PASSWORD } from "@/tests/integration/activation-support";
import { db } from "@/tests/support/factories";

/** What the reseller submits at Activate: a new user and a new company, both unique to `tag`. */
export function answersFor(tag: string) {
  return {
    signer: { kind: "new" as const, email: `${tag}@race.example.test`, fullName: `Racer ${tag}`, password: NEW_PASSWORD },
    company: { kind: "new" as const, name: `${tag} Racing LLC` },
  };
}

/**
 * Lets `attempts` activations of one link through the per-token limit (20 per hour) in this test's own
 * database only: the counter starts below zero so that after all of them it stands exactly at the limit.
 * Production's limit and code are untouched; the next attempt is refused, which the caller can show.
 */
export async function creditTokenLimit(token: string, attempts: number): Promise<void> {
  await (await db()).insert(rateLimits).values({
    key: `activation:token:${hashToken(token)}`,
    count: ACTIVATION_LIMIT_PER_TOKEN - attempts,
    resetAt: new Date(Date.now() + 3_600_000),
  });
}

/** Everything an activation writes, counted for the given signers (tags) and contract. */
export async function activationFootprint(tags: string[], contractId: string) {
  const d = await db();
  const emails = tags.map((t) => answersFor(t).signer.email);
  const names = tags.map((t) => answersFor(t).company.name);
  const madeUsers = await d
    .select({ id: users.id })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
  const madeCompanies = await d.select({ id: accounts.id, role: accounts.role }).from(accounts).where(inArray(accounts.name, names));
  const ids = madeUsers.map((u) => u.id);
  const madeMemberships = ids.length ? await d.select().from(memberships).where(inArray(memberships.userId, ids)) : [];
  const events = await eventsOf(contractId);
  return {
    users: madeUsers.length,
    companies: madeCompanies.length,
    resellerCompanies: madeCompanies.filter((c) => c.role === "reseller").length,
    memberships: madeMemberships.length,
    evidence: (await d.select().from(contractVersions).where(eq(contractVersions.contractId, contractId))).length,
    activatedEvents: events.filter((e) => e.type === "contract.activated").length,
    activationMails: (await activationMails(contractId)).length,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
