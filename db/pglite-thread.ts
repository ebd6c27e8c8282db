import type { PGlite, QueryOptions, Results, Transaction } from "@electric-sql/pglite";
import path from "node:path";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { preparedName } from "./prepared";

/**
 * The embedded database in its own thread (db/pglite-worker.mjs): a client with the part of PGlite's API that
 * drizzle calls (`query`, `transaction`), where each call is a message to the worker. The main thread then
 * only renders; PGlite's WASM and its row decoding run on the other core (issue 23).
 *
 * - Statements registered in db/prepared.ts run there as named statements, parsed once.
 * - A transaction holds the worker's one connection from BEGIN to COMMIT, as PGlite's own does: other
 *   statements wait for it.
 * - Errors arrive with PostgreSQL's fields (code, detail, constraint…), so callers read them as before.
 * - The worker keeps the process alive only while a call is in flight: a script that forgets closeDb()
 *   still exits, and never in the middle of a statement.
 * - If the worker dies (out of memory, a WASM abort), every call in flight and after fails with the reason,
 *   and `onStop` is told, so the owner can open the database again (db/client.ts does on the next request).
 */
export type PgliteThread = { client: PGlite; close: () => Promise<void> };

export type ThreadOptions = {
  /** Called once if the worker stops without close(): the database must be opened again. */
  onStop?: (error: Error) => void;
  /** The worker's own heap limits: a runaway result then stops the thread, not the whole server. */
  resourceLimits?: ResourceLimits;
};

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Answer = { id: number; result?: unknown; error?: Record<string, unknown> & { message: string } };

// Under tsx and Vitest, Node starts this file; in the production build Turbopack replaces it by its own
// bundled worker chunk (db/pglite-worker.mjs says more).
const PGLITE_WORKER = path.join(process.cwd(), "db/pglite-worker.mjs");

/** The value types drizzle asks to keep as text: its parsers must all be identities, nothing else crosses. */
function keptTypes(options: QueryOptions | undefined): number[] | undefined {
  if (options?.serializers) throw new Error("Custom serializers cannot cross to the database thread.");
  if (!options?.parsers) return undefined;
  return Object.entries(options.parsers).map(([oid, parser]) => {
    if (parser("\u0000probe", Number(oid)) !== "\u0000probe") throw new Error("Only identity parsers can cross to the database thread.");
    return Number(oid);
  });
}

export async function openPgliteThread(dir: string, options: ThreadOptions = {}): Promise<PgliteThread> {
  const worker = new Worker(PGLITE_WORKER, { resourceLimits: options.resourceLimits });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: Error | undefined;
  let closing = false;

  const settle = (id: number) => {
    const p = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    return p;
  };
  worker.on("message", ({ id, result, error }: Answer) => {
    const p = settle(id);
    if (error) p?.reject(Object.assign(new Error(error.message), error));
    else p?.resolve(result);
  });
  const stop = (error: Error) => {
    if (stopped) return;
    stopped = new Error(`The database thread stopped: ${error.message}`, { cause: error });
    for (const id of [...pending.keys()]) settle(id)?.reject(stopped);
    if (!closing) options.onStop?.(stopped);
  };
  worker.on("error", stop);
  worker.on("exit", (code) => stop(new Error(`exit code ${code}`)));

  function call<T>(message: Record<string, unknown>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = nextId++;
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      message.id = id; // each message is a fresh literal of its caller's
      worker.postMessage(message);
    });
  }

  async function query<T>(text: string, params: unknown[] = [], options?: QueryOptions, tx?: number): Promise<Results<T>> {
    const keep = keptTypes(options);
    try {
      return await call<Results<T>>({
        op: "query",
        text,
        params,
        rowMode: options?.rowMode,
        keep,
        // Inside a transaction nothing is prepared (as on PostgreSQL, db/prepared.ts).
        prepared: tx === undefined ? preparedName(text) : undefined,
        tx,
      });
    } catch (e) {
      throw Object.assign(e as Error, { query: text, params });
    }
  }

  async function transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const id = await call<number>({ op: "begin" });
    let closed = false;
    const tx = {
      query: <R>(text: string, params?: unknown[], options?: QueryOptions) =>
        closed ? Promise.reject(new Error("This transaction has already ended.")) : query<R>(text, params, options, id),
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let result: T;
    try {
      result = await fn(tx);
    } catch (e) {
      closed = true;
      await call({ op: "end", tx: id, commit: false }).catch(() => {});
      throw e;
    }
    closed = true;
    await call({ op: "end", tx: id, commit: true });
    return result;
  }

  try {
    await call({ op: "open", dir });
  } catch (e) {
    closing = true;
    await worker.terminate();
    throw e;
  }
  const client = { query, transaction } as unknown as PGlite;
  return {
    client,
    close: async () => {
      closing = true;
      try {
        if (!stopped) await call({ op: "close" });
      } finally {
        await worker.terminate();
      }
    },
  };
}
