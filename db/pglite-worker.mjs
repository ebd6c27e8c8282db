// The embedded database's own thread. PGlite is PostgreSQL compiled to WASM: run in the server's main thread,
// each statement's parsing, planning, execution and row decoding took that thread away from rendering pages
// (1.7 ms of WASM and 0.8 ms of decoding per contract page, issue 23). Here it runs beside the main thread, on
// the other core, the way PostgreSQL runs in its own process. db/pglite-thread.ts is the other end: it
// hands drizzle a client with PGlite's `query` and `transaction`, and each call becomes a message here.
//
// Plain JavaScript: the tests and scripts (tsx) start this file as it is; Next's production build follows
// `new Worker(path)` in db/pglite-thread.ts and bundles it as a worker chunk, with @electric-sql/pglite kept
// external (next.config.js), and the standalone folder carries both.
//
// Messages in, each with an `id` that the answer repeats:
//   { op: "open", dir }                       opens the database (memory:// or a folder)
//   { op: "query", text, params, rowMode, keep, prepared?, tx? }
//        keep: type OIDs whose values stay text (drizzle's identity parsers for dates and intervals);
//        prepared: a statement name (db/prepared.ts registry): parsed once, then only bound and executed;
//        tx: a transaction opened by "begin"; its statements are never prepared
//   { op: "begin" }                           answers with the transaction's id once BEGIN has run
//   { op: "end", tx, commit }                 answers once COMMIT (or ROLLBACK) has run
//   { op: "close" }
// Answers: { id, result } or { id, error } with the error's own fields (code, detail, constraint…).
import { parentPort } from "node:worker_threads";
import { PGlite, parse, protocol } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/** @type {PGlite | undefined} */
let pg;
/** Open transactions by id: the PGlite transaction and the function that lets its callback finish. */
const transactions = new Map();
/** Named statement → its parameter types, parsed once for this database. */
const statements = new Map();
/** Identity parsers per `keep` list (drizzle always sends the same one). */
const keepers = new Map();
let nextTx = 1;

const reply = (id, result) => parentPort.postMessage({ id, result });
const fail = (id, e) => parentPort.postMessage({ id, error: errorFields(e) });

/** An error's plain fields: what PostgreSQL reported (code, detail, constraint…), never functions or rows. */
function errorFields(e) {
  const fields = { message: e instanceof Error ? e.message : String(e) };
  if (e && typeof e === "object")
    for (const [key, value] of Object.entries(e))
      if (value === null || ["string", "number", "boolean"].includes(typeof value)) fields[key] = value;
  return fields;
}

function options(message) {
  const key = message.keep ? message.keep.join(",") : "";
  let parsers = keepers.get(key);
  if (!parsers) {
    parsers = Object.fromEntries((message.keep ?? []).map((oid) => [oid, (value) => value]));
    keepers.set(key, parsers);
  }
  return { rowMode: message.rowMode, parsers };
}

/** A registered statement (db/prepared.ts): Parse/Describe once, then Bind/Describe/Execute/Sync per use. */
async function runPrepared(name, text, params, queryOptions) {
  const lite = /** @type {any} */ (pg);
  const stream = (bytes) => lite.execProtocolStream(bytes, { syncToFs: false });
  await lite._checkReady();
  // Like PGlite's own query(): wait for any open transaction, then hold the connection.
  return lite._runExclusiveTransaction(() =>
    lite._runExclusiveQuery(async () => {
      const messages = [];
      try {
        let types = statements.get(name);
        if (!types) {
          // Close first: a statement left half-prepared by a failure is replaced, not a duplicate.
          await stream(protocol.serialize.close({ type: "S", name }));
          await stream(protocol.serialize.parse({ name, text }));
          types = parse.parseDescribeStatementResults(await stream(protocol.serialize.describe({ type: "S", name })));
          statements.set(name, types);
        }
        const values = params.map((v, i) => {
          if (v === null || v === undefined) return null;
          const serialize = lite.serializers[types[i]];
          return serialize ? serialize(v) : String(v);
        });
        messages.push(
          ...(await stream(protocol.serialize.bind({ statement: name, values }))),
          ...(await stream(protocol.serialize.describe({ type: "P" }))),
          ...(await stream(protocol.serialize.execute({}))),
        );
      } catch (e) {
        // A statement that failed to parse, or was dropped, is prepared afresh next time.
        if (e?.code === "26000") statements.delete(name);
        throw e;
      } finally {
        await stream(protocol.serialize.sync());
      }
      return parse.parseResults(messages, lite.parsers, queryOptions)[0];
    }),
  );
}

/** PGlite's results without what cannot cross threads (a result's blob is only for COPY, unused here). */
const plain = (r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows });

async function query(message) {
  const queryOptions = options(message);
  if (message.tx !== undefined) {
    const open = transactions.get(message.tx);
    if (!open) throw new Error("This transaction has already ended.");
    return plain(await open.tx.query(message.text, message.params, queryOptions));
  }
  if (message.prepared) return plain(await runPrepared(message.prepared, message.text, message.params, queryOptions));
  return plain(await pg.query(message.text, message.params, queryOptions));
}

/** Opens a transaction that stays open until "end" arrives; answers `id` once BEGIN has run. */
function begin(id) {
  const tx = nextTx++;
  const state = { tx: undefined, endId: undefined, finish: undefined };
  const rollback = new Error("rollback");
  pg.transaction(
    (t) =>
      new Promise((resolve, reject) => {
        state.tx = t;
        state.finish = (commit) => (commit ? resolve() : reject(rollback));
        transactions.set(tx, state);
        reply(id, tx);
      }),
  ).then(
    () => ended(tx, state, null),
    // Before the callback ran (BEGIN failed) the error answers "begin"; after, it answers "end".
    (e) => (state.tx ? ended(tx, state, e === rollback ? null : e) : fail(id, e)),
  );
}

function ended(tx, state, error) {
  transactions.delete(tx);
  if (error) fail(state.endId, error);
  else reply(state.endId, true);
}

parentPort.on("message", async (message) => {
  const { id, op } = message;
  try {
    if (op === "query") return reply(id, await query(message));
    if (op === "begin") return begin(id);
    if (op === "end") {
      const state = transactions.get(message.tx);
      if (!state) throw new Error("This transaction has already ended.");
      state.endId = id;
      return state.finish(message.commit);
    }
    if (op === "open") {
      // pg_trgm backs the partner-name search's trigram index (migration 0001_search_trigram).
      pg = await PGlite.create(message.dir, { extensions: { pg_trgm } });
      return reply(id, true);
    }
    if (op === "close") {
      await pg?.close();
      return reply(id, true);
    }
    throw new Error(`Unknown operation: ${op}`);
  } catch (e) {
    fail(id, e);
  }
});
