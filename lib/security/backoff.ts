/**
 * Per-email sign-in back-off (SECURITY.md 32): past a few failures on one email from anywhere, every
 * attempt on it waits a little longer, up to a ceiling. It slows guessing spread over many addresses but
 * never refuses, so an attacker cannot use it to lock the owner out: at worst they wait a few seconds.
 */
export const EMAIL_FREE_FAILURES = 5;
export const EMAIL_BACKOFF_WINDOW_SECONDS = 60 * 60;
const FIRST_DELAY_MS = 250;
export const MAX_DELAY_MS = 8_000;

export function emailBackoffMs(failures: number): number {
  const over = failures - EMAIL_FREE_FAILURES;
  if (over <= 0) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(over - 1, 16));
}

/** A module-level seam, so tests can see the wait without sitting through it. */
export const clock = {
  wait: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};
