import "server-only";
import { registerJob } from "@/lib/scheduler/scheduler";
import { runFollowUps } from "./run-follow-ups";

/** Reminders and link-expiry notices of pending invitations (issue 18). */
registerJob({ name: "invitation-follow-ups", run: runFollowUps });
