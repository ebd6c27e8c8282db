// npm run verify-history: checks the hash chain of every contract's events in the configured database
// (DATABASE_URL, or the embedded PGlite folder). Exit code 1 when any chain is broken.
import { closeDb, getDb } from "../db/client";
import { verifyAllChains } from "../lib/audit/event-chain";

const reports = await verifyAllChains(await getDb(), "contract");
const broken = reports.filter((r) => r.broken);
const events = reports.reduce((n, r) => n + r.events, 0);
for (const r of broken) {
  const b = r.broken!;
  console.log(
    `BROKEN ${r.subjectPublicId ?? r.subjectId}: event ${b.seq ?? "?"} (#${b.eventId}, ${b.type}, ${b.occurredAt}) ` +
      {
        altered: "was altered",
        removed: "follows an event that was removed",
        unlinked: "does not follow from the event before it (that one was replaced)",
        unchained: "is not chained",
      }[b.kind],
  );
}
console.log(
  broken.length === 0
    ? `History verified: ${reports.length} contracts, ${events} events, every chain intact.`
    : `${broken.length} of ${reports.length} contracts have a broken history (${events} events checked).`,
);
await closeDb();
process.exit(broken.length === 0 ? 0 : 1);
