import "server-only";
import { registerJob } from "@/lib/scheduler/scheduler";
import { expireEndedContracts, sendEndNotices } from "./end-date";
import { expireProposals } from "./proposals";

// Issue 21's scheduled work, run by lib/scheduler (imported from lib/scheduler/jobs.ts). Notices first,
// so a contract whose last day passed between two runs is not warned after it expired.
registerJob({ name: "contract-end-notices", run: sendEndNotices });
registerJob({ name: "contract-expiry", run: (db, now) => expireEndedContracts(db, now) });
registerJob({ name: "contract-proposal-expiry", run: (db, now) => expireProposals(db, now) });
