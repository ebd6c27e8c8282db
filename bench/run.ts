/**
 * `npm run bench [-- --quick]`: seeds a benchmark database, starts the production build with
 * SCP_BENCH=1 and measures pages against baselines taken in the same run. Targets are reported,
 * not asserted: the exit code is non-zero only when nothing could be measured.
 */
import { benchDatabaseEnv, pgliteEnv } from "./database";
import { hit } from "./load";
import { jsSizes, loadRounds, probeAll, statementsFor, type Target } from "./measure";
import { o } from "./run-options";
import { computeRatios, type Measurements } from "./ratios";
import { table, writeJson } from "./report";
import { DIST_DIR, ensureBuild, startBareServer, startNext } from "./server";
import { STAFF, seedBench, type BenchData } from "./seed";
import { signIn } from "./session";
import { measureSubmissions } from "./submit-targets";

const log = (m: string) => console.log(`[bench] ${m}`);
process.env.AUTH_SECRET ||= "bench-only-secret-not-for-production-use-0123456789";
const serverEnv = { SCP_BENCH: "1", AUTH_SECRET: process.env.AUTH_SECRET, SEED_DEMO: "" };

async function seedWith(env: Record<string, string>): Promise<BenchData> {
  const { closeDb, getDb } = await import("../db/client");
  const saved = process.env.DATABASE_URL;
  if (!env.DATABASE_URL) delete process.env.DATABASE_URL;
  Object.assign(process.env, env);
  try {
    return await seedBench(await getDb(), o, log);
  } finally {
    await closeDb();
    if (saved) process.env.DATABASE_URL = saved;
  }
}

function targets(data: BenchData, cookie: string, cursor: string | null): Target[] {
  const d = `/partners/contracts/${data.detailsPublicId}`;
  return [
    { key: "static", path: "/bench/static", cookie },
    { key: "dynamic", path: "/bench/dynamic", cookie },
    { key: "details", path: d, cookie },
    { key: "list", path: "/partners/contracts", cookie },
    ...(cursor ? [{ key: "listDeep", path: `/partners/contracts?cursor=${cursor}`, cookie }] : []),
    { key: "listSearch", path: "/partners/contracts?q=Reseller%20421", cookie },
    { key: "activation", path: `/activate/${data.tokens[0]}` },
    { key: "wizard", path: "/partners/contracts/new", cookie },
    // Issue 18: the invitation funnel over a year of the issuer's contracts.
    { key: "funnel", path: "/partners/contracts/funnel?period=365", cookie },
  ];
}

// Pages whose statements are counted but not loaded (tabs, page sizes).
function countOnly(data: BenchData, cookie: string): Target[] {
  const d = `/partners/contracts/${data.detailsPublicId}`;
  return [
    ...["permissions", "versions", "history"].map((tab) => ({ key: `details?tab=${tab}`, path: `${d}?tab=${tab}`, cookie })),
    { key: "list10", path: "/partners/contracts?limit=10", cookie },
    { key: "list100", path: "/partners/contracts?limit=100", cookie },
  ];
}

async function main(): Promise<number> {
  const started = Date.now();
  const db = await benchDatabaseEnv(o.quick);
  log(`database: ${db.label}; ${o.quick ? "quick" : "full"} mode`);
  const data = await seedWith(db.env);
  const pgliteData = db.driver === "postgres" ? await seedWith(pgliteEnv(o.quick)) : data;
  if (o.seedOnly) return 0;
  ensureBuild(serverEnv, log, o.reuseBuild);
  const { encodeCursor } = await import("../lib/data/keyset");
  const cursor = data.deep ? encodeCursor({ ...data.deep, dir: "next" }) : null;

  let server = await startNext({ ...serverEnv, ...db.env });
  const m: Measurements = {
    pages: {},
    statements: {},
    halfRate: { rate: null, detailsP99: null, staticP99: null },
    submissions: { activation: null, createContract: null },
    drivers: { pglite: null, postgres: null, errorsAt64: null },
    jsGzip: {},
  };
  const notes: string[] = [];
  try {
    const cookie = await signIn(server.url, STAFF.email, STAFF.password);
    const { ok, missing } = await probeAll(server.url, targets(data, cookie, cursor));
    for (const [k, why] of Object.entries(missing)) log(`${k}: ${why}`);
    const staticPage = ok.find((p) => p.key === "static");
    if (!staticPage) throw new Error("the static baseline page is not served: is SCP_BENCH=1 reaching the build?");

    const counted = await probeAll(server.url, countOnly(data, cookie));
    for (const t of [...ok, ...counted.ok]) m.statements[t.key] = await statementsFor(server.url, t, cookie);
    for (const k of [...Object.keys(missing), ...Object.keys(counted.missing)]) m.statements[k] = null;
    m.jsGzip = await jsSizes(DIST_DIR, ok, ["details", "list", "activation", "wizard"]);
    m.jsGzip.empty = (await jsSizes(DIST_DIR, ok, ["static"])).static;

    const bare = await startBareServer(Buffer.byteLength(staticPage.html));
    try {
      const all: Target[] = [{ key: "bare node:http", path: bare.url }, ...ok.map((p) => ({ ...p, path: server.url + p.path }))];
      m.pages = await loadRounds("", all, o, log);
    } finally {
      await bare.stop();
    }
    for (const [k, why] of Object.entries(missing))
      m.pages[k] = { url: "", reqPerSec: null, p50: null, p99: null, errors: 0, non2xx: 0, note: why };

    // The phases below are extras: one failing is a note, never the loss of what was measured above.
    const attempt = async (what: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (e) {
        notes.push(`${what} could not be measured: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    const details = ok.find((p) => p.key === "details");
    const detailsRps = m.pages.details?.reqPerSec;
    if (details && detailsRps) {
      await attempt("ratio 5", async () => {
        const rate = Math.max(1, Math.round(detailsRps / 2));
        const run = { connections: o.connections, seconds: o.seconds * 2, overallRate: rate };
        const detailsP99 = (await hit(server.url + details.path, { ...run, cookie })).p99;
        m.halfRate = { rate, detailsP99, staticP99: (await hit(server.url + staticPage.path, { ...run, cookie })).p99 };
      });
      await attempt("ratio 6", async () => {
        m.submissions = await measureSubmissions(server.url, data, cookie, notes);
      });
      await attempt("ratio 7", async () => {
        const at64 = await hit(server.url + details.path, { connections: 64, seconds: o.seconds * 2, cookie });
        m.drivers[db.driver] = at64.reqPerSec;
        m.drivers.errorsAt64 = at64.errors + at64.non2xx;
        if (db.driver !== "postgres") {
          notes.push("ratio 7 needs PostgreSQL too: run with DATABASE_URL set (PGlite is then measured by a second server).");
          return;
        }
        await server.stop();
        server = await startNext({ ...serverEnv, ...pgliteEnv(o.quick) });
        const c2 = await signIn(server.url, STAFF.email, STAFF.password);
        const lite = await hit(`${server.url}/partners/contracts/${pgliteData.detailsPublicId}`, {
          connections: 64,
          seconds: o.seconds * 2,
          cookie: c2,
        });
        m.drivers.pglite = lite.reqPerSec;
        m.drivers.errorsAt64 += lite.errors + lite.non2xx;
      });
    }
  } finally {
    await server.stop();
  }
  const ratios = computeRatios(m);
  console.log(table(m, ratios));
  for (const n of notes) console.log(`note: ${n}`);
  const measuredAnything = Object.values(m.pages).some((p) => p.reqPerSec != null);
  writeJson(o.out, {
    at: new Date().toISOString(),
    mode: o.quick ? "quick" : "full",
    database: db.label,
    data: { contracts: o.contracts, resellers: o.resellers },
    load: { connections: o.connections, seconds: o.seconds, rounds: o.rounds, warmSeconds: o.warmSeconds, pipelining: 1 },
    seconds: Math.round((Date.now() - started) / 1000),
    ...m,
    ratios,
    notes,
  });
  log(`wrote ${o.out}`);
  return measuredAnything ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    const cause = e instanceof Error && e.cause ? `\ncaused by: ${e.cause instanceof Error ? e.cause.message : String(e.cause)}` : "";
    console.error(`[bench] could not measure: ${e instanceof Error ? e.message.slice(0, 300) : e}${cause}`);
    process.exit(1);
  },
);
