import { createLogger, setLogger } from "@/lib/ops/logger.mjs";

/**
 * Captures what the app logs (lib/log.ts, lib/ops/logger.mjs) as the JSON lines production would write,
 * with the production redaction; `restore()` puts the previous logger back.
 */
export function captureLogs() {
  const lines: string[] = [];
  const previous = setLogger(createLogger({ write: (line: string) => void lines.push(line) }, { level: "debug" }));
  return {
    lines,
    events: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    text: () => lines.join(""),
    restore: () => void setLogger(previous),
  };
}
