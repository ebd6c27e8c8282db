// Plain JavaScript: shared by the custom server (scripts/server.mjs) and the app. State lives on globalThis
// because Next loads instrumentation and route code in module graphs of their own within one process.
const KEY = Symbol.for("scp.lifecycle");

/** @typedef {{ name: string, order: number, run: () => Promise<void> | void }} ShutdownHook */
/** @returns {{ draining: boolean, hooks: ShutdownHook[] }} */
function state() {
  const g = /** @type {Record<symbol, { draining: boolean, hooks: ShutdownHook[] } | undefined>} */ (globalThis);
  return (g[KEY] ??= { draining: false, hooks: [] });
}

/** True once SIGTERM arrived: /api/ready answers 503 so load balancers stop sending new work here. */
export function isDraining() {
  return state().draining;
}

export function startDraining() {
  state().draining = true;
}

/**
 * Work to finish before the process exits, run in ascending `order` (hooks of one order run together):
 * 10 background work (the outbox sender releases its leases), 20 the database, 30 telemetry flush.
 * Registering again under the same name replaces the earlier hook.
 * @param {string} name @param {number} order @param {ShutdownHook["run"]} run
 */
export function onShutdown(name, order, run) {
  const s = state();
  s.hooks = s.hooks.filter((h) => h.name !== name).concat({ name, order, run });
}

/**
 * Runs the hooks whose order is in [from, to), each order after the previous one, never throwing; a hook
 * still running after `timeoutMs` is abandoned so the process can exit. Returns the hooks that failed.
 * @param {number} timeoutMs
 * @param {{ from?: number, to?: number }} [range]
 * @returns {Promise<string[]>}
 */
export async function runShutdownHooks(timeoutMs, { from = -Infinity, to = Infinity } = {}) {
  /** @type {string[]} */
  const failed = [];
  const hooks = state()
    .hooks.filter((h) => h.order >= from && h.order < to)
    .sort((a, b) => a.order - b.order);
  for (const order of [...new Set(hooks.map((h) => h.order))]) {
    await Promise.all(
      hooks
        .filter((h) => h.order === order)
        .map(async (h) => {
          /** @type {ReturnType<typeof setTimeout> | undefined} */
          let timer;
          const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
          try {
            const outcome = await Promise.race([Promise.resolve().then(h.run), timeout]);
            if (outcome === "timeout") failed.push(`${h.name} (timed out)`);
          } catch (e) {
            failed.push(`${h.name} (${e instanceof Error ? e.message : String(e)})`);
          } finally {
            clearTimeout(timer);
          }
        }),
    );
  }
  return failed;
}
