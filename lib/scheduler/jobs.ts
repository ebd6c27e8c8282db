import "server-only";
/**
 * The list of scheduled work: each feature's module calls registerJob when imported, and is imported
 * here (one line per feature), so the server's loop and the tests run the same jobs.
 */
import "@/lib/contracts/terms-jobs";
import "@/lib/webhooks/job";
import "@/lib/follow-up/job";
export { registeredJobs, runScheduledJobs } from "./scheduler";
