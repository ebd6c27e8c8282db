import { median, ratio, round } from "./stats";

/** What one load run of one page produced; reqPerSec null = the page could not be measured. */
export type PageFigures = {
  url: string;
  reqPerSec: number | null;
  /** Server CPU milliseconds per request (user + system, from the server process's own counters). */
  cpuMsPerReq?: number | null;
  /** Requests answered in the run (one run), or over all rounds (a summary). */
  requests?: number;
  /** Over the rounds of a summary: the lowest and highest req/s and CPU ms per request seen. */
  spread?: { reqPerSec: [number, number] | null; cpuMsPerReq: [number, number] | null; rounds: number };
  /** A summary's rounds, in order: two pages' ratio is taken round by round (see `pairRatio`). */
  rounds?: { reqPerSec: number | null; cpuMsPerReq: number | null }[];
  p50: number | null;
  p99: number | null;
  errors: number;
  non2xx: number;
  note?: string;
};

export type Measurements = {
  pages: Record<string, PageFigures>;
  /** SQL statements for one request of each page or tab (null = not available). */
  statements: Record<string, number | null>;
  /** Ratio 5: p99 of details, static and dynamic, each driven at half of details' own maximum rate, on the warm server. */
  halfRate: { rate: number | null; detailsP99: number | null; staticP99: number | null; dynamicP99?: number | null };
  /** Ratio 6: submissions per second (null = not measured). */
  submissions: { activation: number | null; createContract: number | null };
  /** Ratio 7: details req/s on each driver at 64 connections, and errors seen there. */
  drivers: {
    pglite: number | null;
    postgres: number | null;
    errorsAt64: number | null;
    /** Lowest and highest req/s over the interleaved rounds (medians above). */
    spread?: { pglite: [number, number] | null; postgres: [number, number] | null };
  };
  /** Ratio 8: first-load JS, gzip bytes. */
  jsGzip: Record<string, number | null>;
};

export type Ratio = {
  id: string;
  label: string;
  value: number | null;
  target: number;
  cmp: ">=" | "<=" | "==";
  /** null when the ratio could not be computed. */
  met: boolean | null;
};

function make(id: string, label: string, value: number | null, cmp: Ratio["cmp"], target: number): Ratio {
  const v = round(value, 3);
  const met = v == null ? null : cmp === ">=" ? v >= target : cmp === "<=" ? v <= target : Math.abs(v - target) < 1e-9;
  return { id, label, value: v, target, cmp, met };
}

type Field = "reqPerSec" | "cpuMsPerReq";

/**
 * Page a ÷ page b. Pages measured in the same interleaved rounds are compared round by round and the
 * median of those ratios is reported: the machine's speed drifts over minutes (the same page read 18.4 and
 * 14.2 ms of CPU in two runs), and a round's pages are measured within a minute of each other, so a ratio
 * taken inside a round carries less of the drift than the ratio of two medians taken over the whole run.
 * Pages without rounds (older results, a page measured once) fall back to the ratio of their figures.
 */
export function pairRatio(m: Measurements, a: string, b: string, field: Field): number | null {
  const [ra, rb] = [m.pages[a]?.rounds, m.pages[b]?.rounds];
  if (ra?.length && rb?.length === ra.length) {
    const each = ra.map((r, i) => ratio(r[field], rb[i][field])).filter((v): v is number => v != null);
    if (each.length) return median(each);
  }
  return ratio(m.pages[a]?.[field], m.pages[b]?.[field]);
}
const rps = (m: Measurements, a: string, b: string) => pairRatio(m, a, b, "reqPerSec");
const cpu = (m: Measurements, a: string, b: string) => pairRatio(m, a, b, "cpuMsPerReq");
const rate = (m: Measurements, key: string) => m.pages[key]?.reqPerSec ?? null;

/** `driver`: the database the pages were measured on (23f's target is 0.8 on PostgreSQL, 0.6 on PGlite). */
export function computeRatios(m: Measurements, driver: "postgres" | "pglite" = "pglite"): Ratio[] {
  const counts = Object.values(m.statements).filter((n): n is number => n != null);
  const js = (k: string) => ratio(m.jsGzip[k], m.jsGzip.empty);
  return [
    make("1a", "details ÷ static page (req/s)", rps(m, "details", "static"), ">=", 0.35),
    make("1b", "details ÷ dynamic no-database page (req/s)", rps(m, "details", "dynamic"), ">=", 0.75),
    make("2", "list first page ÷ static page (req/s)", rps(m, "list", "static"), ">=", 0.25),
    make("3a", "list at a deep cursor ÷ first page (req/s)", rps(m, "listDeep", "list"), ">=", 0.9),
    make("3b", "search (3+ characters) ÷ first page (req/s)", rps(m, "listSearch", "list"), ">=", 0.6),
    make("4a", "SQL statements: list of 100 ÷ list of 10", ratio(m.statements.list100, m.statements.list10), "==", 1),
    make("4b", "SQL statements per request, worst page", counts.length ? Math.max(...counts) : null, "<=", 3),
    make("5", "details p99 ÷ static p99, at half details' max rate", ratio(m.halfRate.detailsP99, m.halfRate.staticP99), "<=", 3),
    make("6a", "activation submissions ÷ details (req/s)", ratio(m.submissions.activation, rate(m, "details")), ">=", 0.4),
    make("6b", "Create Contract submissions ÷ details (req/s)", ratio(m.submissions.createContract, rate(m, "details")), ">=", 0.4),
    make("7a", "details on PGlite ÷ on PostgreSQL (req/s, 64 connections)", ratio(m.drivers.pglite, m.drivers.postgres), ">=", 0.5),
    make("7b", "errors at 64 connections", m.drivers.errorsAt64, "==", 0),
    make("8a", "first-load JS: details ÷ empty page", js("details"), "<=", 1.1),
    make("8b", "first-load JS: list ÷ empty page", js("list"), "<=", 1.1),
    make("8c", "first-load JS: activation ÷ empty page", js("activation"), "<=", 1.1),
    make("8d", "first-load JS: Create Contract wizard ÷ empty page", js("wizard"), "<=", 1.3),
    // Issue 23: CPU per request (what stays stable on a shared machine) and the pages it names.
    make("23a", "details CPU/request ÷ dynamic baseline's", cpu(m, "details", "dynamic"), "<=", 1.6),
    make("23b", "list CPU/request ÷ dynamic baseline's", cpu(m, "list", "dynamic"), "<=", 2.0),
    make("23c", "details ÷ dynamic baseline (req/s)", rps(m, "details", "dynamic"), ">=", 0.55),
    make("23d", "Activate submissions ÷ details (req/s)", ratio(m.submissions.activation, rate(m, "details")), ">=", 0.35),
    make("23e", "details PGlite ÷ PostgreSQL (req/s, warm, 64 connections)", ratio(m.drivers.pglite, m.drivers.postgres), ">=", 0.9),
    make(
      "23f",
      `search ÷ list first page (req/s, ${driver === "postgres" ? "PostgreSQL" : "PGlite"})`,
      rps(m, "listSearch", "list"),
      ">=",
      driver === "postgres" ? 0.8 : 0.6,
    ),
    make(
      "23g",
      "details p99 ÷ dynamic baseline p99, at half details' max rate",
      ratio(m.halfRate.detailsP99, m.halfRate.dynamicP99),
      "<=",
      2.5,
    ),
    make("23h", "agreement view (2.6 KB text) ÷ details without it (req/s)", rps(m, "agreementView", "details"), ">=", 0.9),
    make("9", "invitation funnel, a year ÷ list first page (req/s)", rps(m, "funnel", "list"), ">=", 0.5),
  ];
}
