import "server-only";
import { registerJob } from "@/lib/scheduler/scheduler";
import { runFunnelRollup } from "./funnel-rollup";
import { runFollowUps } from "./run-follow-ups";

/** Reminders and link-expiry notices of pending invitations (issue 18). */
registerJob({ name: "invitation-follow-ups", run: runFollowUps });
/** The invitation funnel's daily rollup of closed days (lib/follow-up/funnel-rollup.ts). */
registerJob({ name: "funnel-rollup", run: runFunnelRollup });
