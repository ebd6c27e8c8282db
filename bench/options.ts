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
  connections: number;
  out: string;
};

export function parseOptions(argv: string[]): Options {
  const quick = argv.includes("--quick");
  const base = quick
    ? { contracts: 20_000, resellers: 2_000, warmSeconds: 2, seconds: 2, rounds: 3, connections: 16 }
    : { contracts: 1_000_000, resellers: 100_000, warmSeconds: 5, seconds: 5, rounds: 5, connections: 16 };
  // Only a full run is the reference result; quick runs (CI) write beside it.
  return {
    quick,
    seedOnly: argv.includes("--seed-only"),
    reuseBuild: argv.includes("--reuse-build"),
    ...base,
    out: quick ? "bench/results/quick.json" : "bench/results/latest.json",
  };
}
