// Graceful shutdown pieces of the custom server (scripts/server.mjs): settings and in-flight accounting.

/**
 * SCP_SHUTDOWN_DRAIN_MS (default 0): how long /api/ready answers 503 before the listener closes.
 * SCP_SHUTDOWN_TIMEOUT_MS (default 10000): the longest wait for requests in flight, and for each step after.
 * @param {Record<string, string | undefined>} env
 */
export function shutdownSettings(env) {
  const read = (/** @type {string} */ name, /** @type {number} */ fallback) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    if (!/^\d{1,7}$/.test(raw.trim())) throw new Error(`${name} must be a whole number of milliseconds; got "${raw}".`);
    return Number(raw);
  };
  return { drainMs: read("SCP_SHUTDOWN_DRAIN_MS", 0), timeoutMs: read("SCP_SHUTDOWN_TIMEOUT_MS", 10_000) };
}

/**
 * Counts requests between arrival and the end of their response. `settled(ms)` resolves true once none is
 * left, or false when `ms` passes first.
 * @param {import("node:http").Server} server
 */
export function trackInFlight(server) {
  let count = 0;
  /** @type {Set<() => void>} */
  const waiters = new Set();
  server.on("request", (_req, res) => {
    count++;
    res.once("close", () => {
      count--;
      if (count === 0) for (const w of waiters) w();
    });
  });
  return {
    count: () => count,
    /** @param {number} ms @returns {Promise<boolean>} */
    settled(ms) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiters.delete(done);
          resolve(false);
        }, ms);
        waiters.add(done);
      });
    },
  };
}
