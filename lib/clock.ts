/**
 * The application's clock for scheduled work (reminders, expiry notices, contract end dates). Jobs take
 * `now` as a parameter and pass it into their SQL, so tests move time with `setClockOffset` (or by
 * passing a date) and never sleep. Kept on globalThis: Next loads route code and instrumentation in
 * separate module graphs of one process.
 */
const g = globalThis as unknown as { __scpClockOffsetMs?: number };

export function now(): Date {
  return new Date(Date.now() + (g.__scpClockOffsetMs ?? 0));
}

/** Moves the clock by `ms` from the real time (tests and the development clock only). */
export function setClockOffset(ms: number): void {
  g.__scpClockOffsetMs = ms;
}

export function clockOffset(): number {
  return g.__scpClockOffsetMs ?? 0;
}
