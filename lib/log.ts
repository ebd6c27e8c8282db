import "server-only";
import { env } from "@/lib/env";
/** Structured security log lines. Never pass passwords or tokens here. */
export function logSecurity(event: string, fields: Record<string, unknown>): void {
  if (env().SCP_SILENT_LOGS) return;
  console.info(JSON.stringify({ at: new Date().toISOString(), event, ...fields }));
}
