import { ratio, round } from "./stats";

/** What one load run of one page produced; reqPerSec null = the page could not be measured. */
export type PageFigures = {
  url: string;
  reqPerSec: number | null;
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
  /** Ratio 5: p99 of details and static, both driven at half of details' own maximum rate. */
  halfRate: { rate: number | null; detailsP99: number | null; staticP99: number | null };
  /** Ratio 6: submissions per second (null = not measured). */
  submissions: { activation: number | null; createContract: number | null };
  /** Ratio 7: details req/s on each driver at 64 connections, and errors seen there. */
  drivers: { pglite: number | null; postgres: number | null; errorsAt64: number | null };
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

const rps = (m: Measurements, key: string) => m.pages[key]?.reqPerSec ?? null;

export function computeRatios(m: Measurements): Ratio[] {
  const counts = Object.values(m.statements).filter((n): n is number => n != null);
  const js = (k: string) => ratio(m.jsGzip[k], m.jsGzip.empty);
  return [
    make("1a", "details ÷ static page (req/s)", ratio(rps(m, "details"), rps(m, "static")), ">=", 0.35),
    make("1b", "details ÷ dynamic no-database page (req/s)", ratio(rps(m, "details"), rps(m, "dynamic")), ">=", 0.75),
    make("2", "list first page ÷ static page (req/s)", ratio(rps(m, "list"), rps(m, "static")), ">=", 0.25),
    make("3a", "list at a deep cursor ÷ first page (req/s)", ratio(rps(m, "listDeep"), rps(m, "list")), ">=", 0.9),
    make("3b", "search (3+ characters) ÷ first page (req/s)", ratio(rps(m, "listSearch"), rps(m, "list")), ">=", 0.6),
    make("4a", "SQL statements: list of 100 ÷ list of 10", ratio(m.statements.list100, m.statements.list10), "==", 1),
    make("4b", "SQL statements per request, worst page", counts.length ? Math.max(...counts) : null, "<=", 3),
    make("5", "details p99 ÷ static p99, at half details' max rate", ratio(m.halfRate.detailsP99, m.halfRate.staticP99), "<=", 3),
    make("6a", "activation submissions ÷ details (req/s)", ratio(m.submissions.activation, rps(m, "details")), ">=", 0.4),
    make("6b", "Create Contract submissions ÷ details (req/s)", ratio(m.submissions.createContract, rps(m, "details")), ">=", 0.4),
    make("7a", "details on PGlite ÷ on PostgreSQL (req/s, 64 connections)", ratio(m.drivers.pglite, m.drivers.postgres), ">=", 0.5),
    make("7b", "errors at 64 connections", m.drivers.errorsAt64, "==", 0),
    make("8a", "first-load JS: details ÷ empty page", js("details"), "<=", 1.1),
    make("8b", "first-load JS: list ÷ empty page", js("list"), "<=", 1.1),
    make("8c", "first-load JS: activation ÷ empty page", js("activation"), "<=", 1.1),
    make("8d", "first-load JS: Create Contract wizard ÷ empty page", js("wizard"), "<=", 1.3),
    make("9", "invitation funnel, a year ÷ list first page (req/s)", ratio(rps(m, "funnel"), rps(m, "list")), ">=", 0.5),
  ];
}
