export type Options = {
  quick: boolean;
  /** Seed (or check) the databases and stop: `npm run bench -- --seed-only`. */
  seedOnly: boolean;
  /** Use the existing .next-bench build even if sources are newer (`--reuse-build`). */
  reuseBuild: boolean;
  contracts: number;
  resellers: number;
  warmSeconds: number;
  seconds: number;
  rounds: number;
  /** Requests per page in each measured round (a fixed count: see bench/load.ts). */
  requests: number;
  connections: number;
  /** `--baseline-build <dir>`: a previous build, served beside this one and measured in the same rounds. */
  baselineBuild: string | null;
  out: string;
};

export function parseOptions(argv: string[]): Options {
  const quick = argv.includes("--quick");
  const base = quick
    ? { contracts: 20_000, resellers: 2_000, warmSeconds: 2, seconds: 2, rounds: 3, requests: 60, connections: 16 }
    : { contracts: 1_000_000, resellers: 100_000, warmSeconds: 5, seconds: 5, rounds: 5, requests: 400, connections: 16 };
  const at = argv.indexOf("--baseline-build");
  // Only a full run is the reference result; quick runs (CI) write beside it.
  return {
    quick,
    seedOnly: argv.includes("--seed-only"),
    reuseBuild: argv.includes("--reuse-build"),
    ...base,
    baselineBuild: at >= 0 && argv[at + 1] ? argv[at + 1] : null,
    out: quick ? "bench/results/quick.json" : "bench/results/latest.json",
  };
}
