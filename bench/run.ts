/**
 * `npm run bench [-- --quick]`: seeds a benchmark database, starts the production build with
 * SCP_BENCH=1 and measures pages against baselines taken in the same run. Targets are reported,
 * not asserted: the exit code is non-zero only when nothing could be measured.
 */
import { cpSync, rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { previousResult, whatChanged, type Change } from "./compare";
import { cpuReader, noCpu } from "./cpu";
import { benchDatabaseEnv, pgliteEnv } from "./database";
import { hit } from "./load";
import { jsSizes, loadRounds, pageBytes, probeAll, statementsFor, type Target } from "./measure";
import { o } from "./run-options";
import { computeRatios, type Measurements } from "./ratios";
import { table, writeJson } from "./report";
import { DIST_DIR, ensureBuild, startBareServer, startNext, type Running } from "./server";
import { STAFF, seedBench, type BenchData } from "./seed";
import { signIn } from "./session";
import { measureSubmissions } from "./submit-targets";

const log = (m: string) => console.log(`[bench] ${m}`);
process.env.AUTH_SECRET ||= "bench-only-secret-not-for-production-use-0123456789";
// SCP_INVITES_PER_DAY: the product's daily invitation limit (200 per account, lib/contracts/invitation-quota.ts)
// is still checked on every Create Contract, but set past what a day of bench runs submits, so a third run in
// one day measures Create Contract instead of its refusal.
const serverEnv = { SCP_BENCH: "1", AUTH_SECRET: process.env.AUTH_SECRET, SEED_DEMO: "", SCP_INVITES_PER_DAY: "1000000" };

async function seedWith(env: Record<string, string>): Promise<BenchData> {
  const { closeDb, getDb } = await import("../db/client");
  const saved = process.env.DATABASE_URL;
  if (!env.DATABASE_URL) delete process.env.DATABASE_URL;
  Object.assign(process.env, env);
  try {
    const db = await getDb();
    const data = await seedBench(db, o, log);
    // PostgreSQL's autovacuum keeps a live table's visibility map set, which index-only scans rely on (the
    // search's walk, migration 0015); a freshly seeded or migrated bench table gets that here, not minutes into
    // the run. PGlite has no autovacuum, so it is measured as it is.
    const { dbDriver } = await import("../db/client");
    if ((await dbDriver()) === "postgres") await db.execute(sql.raw("vacuum (analyze) contracts"));
    // The funnel's daily rollup, as the server's scheduler would have kept it (lib/follow-up/funnel-rollup.ts);
    // nothing to do on a reused database that is already caught up.
    const { runFunnelRollup } = await import("../lib/follow-up/funnel-rollup");
    const started = Date.now();
    let days = 0;
    for (let n = await runFunnelRollup(db, new Date()); n > 0; n = await runFunnelRollup(db, new Date())) days += n;
    if (days > 0) log(`funnel rollup: ${days} days in ${Math.round((Date.now() - started) / 1000)} s`);
    return data;
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
    // The same contract with its agreement text shown (2.6 KB of markdown, bench/seed.ts).
    { key: "agreementView", path: `${d}?tab=general&view=agreement`, cookie },
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

  const server = await startNext({ ...serverEnv, ...db.env });
  const m: Measurements = {
    pages: {},
    statements: {},
    halfRate: { rate: null, detailsP99: null, staticP99: null, dynamicP99: null },
    submissions: { activation: null, createContract: null },
    drivers: { pglite: null, postgres: null, errorsAt64: null },
    jsGzip: {},
  };
  const bytes: Record<string, { html: number; rsc: number }> = {};
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
    for (const p of ok) bytes[p.key] = pageBytes(p.html);
    m.jsGzip = await jsSizes(DIST_DIR, ok, ["details", "list", "activation", "wizard"]);
    m.jsGzip.empty = (await jsSizes(DIST_DIR, ok, ["static"])).static;

    const bare = await startBareServer(Buffer.byteLength(staticPage.html));
    // `--baseline-build <dir>`: the previous build, on its own copy of the database, measured in the same
    // interleaved rounds as this one: a before/after that the machine's load shifts alike.
    let baseline: Running | null = null;
    const baselineDir = db.driver === "pglite" ? `${db.env.PGLITE_DATA_DIR}-baseline` : null;
    try {
      if (o.baselineBuild) {
        if (baselineDir) {
          rmSync(baselineDir, { recursive: true, force: true });
          cpSync(db.env.PGLITE_DATA_DIR, baselineDir, { recursive: true });
        }
        baseline = await startNext({ ...serverEnv, ...db.env, ...(baselineDir ? { PGLITE_DATA_DIR: baselineDir } : {}) }, o.baselineBuild);
        log(`baseline build ${o.baselineBuild} served at ${baseline.url}`);
      }
      const compared = ["dynamic", "details", "agreementView", "list", "listSearch", "activation"];
      const all: Target[] = [
        { key: "bare node:http", path: bare.url },
        ...ok.map((p) => ({ ...p, path: server.url + p.path })),
        ...(baseline
          ? ok.filter((p) => compared.includes(p.key)).map((p) => ({ ...p, key: `${p.key} @baseline`, path: baseline!.url + p.path }))
          : []),
      ];
      // CPU per request is read from each Next server's own counters; the bare server shares the bench's process.
      const serverCpu = cpuReader(server.pid);
      const baselineCpu = cpuReader(baseline?.pid);
      m.pages = await loadRounds("", all, o, log, (p) =>
        p.key === "bare node:http" ? noCpu : p.key.endsWith("@baseline") ? baselineCpu : serverCpu,
      );
    } finally {
      await bare.stop();
      await baseline?.stop();
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
        // On the server warmed by the rounds above: details and both baselines at the same fixed rate.
        const rate = Math.max(1, Math.round(detailsRps / 2));
        const run = { connections: o.connections, seconds: o.seconds * 2, overallRate: rate };
        const p99 = async (path: string) => (await hit(server.url + path, { ...run, cookie })).p99;
        const detailsP99 = await p99(details.path);
        const dynamicP99 = await p99("/bench/dynamic");
        m.halfRate = { rate, detailsP99, dynamicP99, staticP99: await p99(staticPage.path) };
      });
      await attempt("ratio 6", async () => {
        m.submissions = await measureSubmissions(server.url, data, cookie, notes);
      });
      await attempt("ratio 7", async () => {
        if (db.driver !== "postgres") {
          const at64 = await hit(server.url + details.path, { connections: 64, seconds: o.seconds * 2, cookie });
          m.drivers.pglite = at64.reqPerSec;
          m.drivers.errorsAt64 = at64.errors + at64.non2xx;
          notes.push("ratio 7 needs PostgreSQL too: run with DATABASE_URL set (PGlite is then measured by a second server).");
          return;
        }
        // A second server on PGlite beside the PostgreSQL one, warmed alike; then interleaved rounds at 64
        // connections, one driver after the other, so the machine's drift within the run falls on both.
        const lite = await startNext({ ...serverEnv, ...pgliteEnv(o.quick) });
        try {
          const c2 = await signIn(lite.url, STAFF.email, STAFF.password);
          const pages = [
            { key: "postgres", path: server.url + details.path, cookie },
            { key: "pglite", path: `${lite.url}/partners/contracts/${pgliteData.detailsPublicId}`, cookie: c2 },
          ];
          // The same warm-up and interleaved rounds as the pages above (bench/measure.ts), at 64 connections.
          const at64 = await loadRounds("", pages, { ...o, connections: 64, warmSeconds: o.warmSeconds * 4, rounds: 3 }, log);
          m.drivers = {
            postgres: at64.postgres.reqPerSec,
            pglite: at64.pglite.reqPerSec,
            errorsAt64: at64.postgres.errors + at64.postgres.non2xx + at64.pglite.errors + at64.pglite.non2xx,
            spread: { postgres: at64.postgres.spread?.reqPerSec ?? null, pglite: at64.pglite.spread?.reqPerSec ?? null },
          };
        } finally {
          await lite.stop();
        }
      });
    }
  } finally {
    await server.stop();
  }
  const ratios = computeRatios(m, db.driver);
  console.log(table(m, ratios));
  console.log(
    "\nPage bytes as served (HTML, of which inline RSC payload): " +
      Object.entries(bytes)
        .map(([k, b]) => `${k} ${(b.html / 1024).toFixed(1)} KB (${(b.rsc / 1024).toFixed(1)} KB)`)
        .join(", "),
  );
  const ab = Object.keys(m.pages).filter((k) => k.endsWith(" @baseline"));
  if (ab.length) {
    console.log(`\nThis build against ${o.baselineBuild}, same rounds (median CPU ms per request; req/s):`);
    for (const k of ab) {
      const key = k.replace(" @baseline", "");
      const [b, a] = [m.pages[k], m.pages[key]];
      console.log(
        `  ${key.padEnd(16)} CPU ${b.cpuMsPerReq?.toFixed(2) ?? "n/a"} → ${a?.cpuMsPerReq?.toFixed(2) ?? "n/a"} ms; ` +
          `${b.reqPerSec?.toFixed(1) ?? "n/a"} → ${a?.reqPerSec?.toFixed(1) ?? "n/a"} req/s`,
      );
    }
  }
  const prev = previousResult(o.out);
  let changes: Change[] = [];
  if (prev) {
    changes = whatChanged(prev.json, m, ratios);
    console.log(`\nWhat changed since ${prev.file} (${prev.json.at ?? "?"}, ${prev.json.mode ?? "?"} mode, ${prev.json.database ?? "?"}):`);
    for (const c of changes)
      console.log(`  ${c.what.padEnd(40)} ${String(c.before ?? "n/a").padStart(10)} → ${String(c.after ?? "n/a").padEnd(10)} ${c.change}`);
  }
  for (const n of notes) console.log(`note: ${n}`);
  const measuredAnything = Object.values(m.pages).some((p) => p.reqPerSec != null);
  writeJson(o.out, {
    at: new Date().toISOString(),
    mode: o.quick ? "quick" : "full",
    database: db.label,
    data: { contracts: o.contracts, resellers: o.resellers },
    load: {
      connections: o.connections,
      requestsPerRound: o.requests,
      rounds: o.rounds,
      warmSeconds: o.warmSeconds,
      pipelining: 1,
      baselineBuild: o.baselineBuild,
    },
    seconds: Math.round((Date.now() - started) / 1000),
    ...m,
    bytes,
    ratios,
    changes: prev ? { since: prev.file, at: prev.json.at ?? null, items: changes } : null,
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
