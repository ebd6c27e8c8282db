/**
 * A separate "app process" for fault tests. It sets up committed data, then runs a domain function
 * inside a transaction and, mid-transaction, tells the parent it is there and waits to be killed.
 * Usage: node --import tsx --conditions=react-server tests/support/fault-child.ts <scenario>
 */
import { getDb } from "@/db/client";
import { createContract } from "@/lib/contracts/create-contract";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { makeAccount, makeAgreement } from "./factories";

process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
const scenario = process.argv[2];
const say = (msg: object) => process.stdout.write(`${JSON.stringify(msg)}\n`);

const issuer = await makeAccount();
const { agreement } = await makeAgreement(issuer);
const db = await getDb();
say({ ready: true, issuerAccountId: issuer.account.id });

if (scenario === "create-contract") {
  await db.transaction(async (tx) => {
    const created = await createContract(
      db,
      issuer.viewer,
      {
        agreementId: agreement.publicId,
        kind: "production",
        noteToSignee: "Hi",
        linkExpiresOn: defaultExpiryDate(),
        signeeEmail: "fault@example.test",
      },
      tx,
    );
    say({ inTransaction: true, contractId: created.id });
    await new Promise((r) => setTimeout(r, 60_000)); // killed here
  });
}
