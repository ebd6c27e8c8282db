import { eq, sql } from "drizzle-orm";
import { contracts, events, outbox } from "@/db/schema";
import { rowsOf } from "@/db/query";
import { db, makeAccount, makeAgreement, makeContract, tokenOf } from "@/tests/support/factories";

export const NEW_PASSWORD = "a long passphrase for my reseller";
let ipSeq = 0;

/** A fresh client address per call, so one test's attempts never throttle another's. */
export function requestFrom(): { ip: string; userAgent: string } {
  return { ip: `192.0.2.${++ipSeq}`, userAgent: "Mozilla/5.0 (activation test)" };
}

/** A distributor with a service agreement, and a helper issuing pending contracts on it. */
export async function distributorWithAgreement() {
  const issuer = await makeAccount({ name: "Northwind Test GmbH" });
  const { agreement, versions } = await makeAgreement(issuer, { name: "Reseller Terms", versions: 2, active: 2 });
  const issue = async (overrides: Parameters<typeof makeContract>[2] = {}) => {
    const created = await makeContract(issuer, agreement.publicId, { program: true, ...overrides });
    return { ...created, token: tokenOf(created.activationLink) };
  };
  return { issuer, agreement, versions, issue };
}

export async function contractRow(id: string) {
  const [row] = await (await db()).select().from(contracts).where(eq(contracts.id, id));
  return row;
}

/** Row counts of everything activation can write, to show that nothing else changed. */
export async function tableCounts(): Promise<Record<string, number>> {
  const d = await db();
  const out: Record<string, number> = {};
  for (const table of ["users", "accounts", "memberships", "contracts", "contract_versions", "events", "outbox", "rate_limits"]) {
    out[table] = Number(rowsOf<{ n: number }>(await d.execute(sql`select count(*) as n from ${sql.identifier(table)}`))[0].n);
  }
  return out;
}

export async function eventsOf(contractId: string) {
  return (await db()).select().from(events).where(eq(events.subjectId, contractId)).orderBy(events.id);
}

export async function activationMails(contractId: string) {
  return (await db())
    .select()
    .from(outbox)
    .where(sql`${outbox.contractId} = ${contractId} and ${outbox.kind} = 'contract_activated'`);
}
