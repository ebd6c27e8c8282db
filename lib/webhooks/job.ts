import "server-only";
import { registerJob } from "@/lib/scheduler/scheduler";
import { deliverDueWebhooks } from "./deliver";

registerJob({ name: "webhooks", run: (db, now) => deliverDueWebhooks(db, now) });
