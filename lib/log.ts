/** Structured security log lines. Never pass passwords or tokens here. */
export function logSecurity(event: string, fields: Record<string, unknown>): void {
  if (process.env.SCP_SILENT_LOGS === "1") return;
  console.info(JSON.stringify({ at: new Date().toISOString(), event, ...fields }));
}
