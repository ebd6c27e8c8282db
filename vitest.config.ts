import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run domain code outside React's server environment.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    environment: "node",
    // CI asks for a JSON report too, to print one plain "N passed, N failed" line per run.
    reporters: process.env.VITEST_JSON ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_JSON ? { json: process.env.VITEST_JSON } : undefined,
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "app/**/*.test.ts", "db/**/*.test.ts"],
    // tests/ops need the production build and PostgreSQL: `npm run test:ops` (vitest.ops.config.ts).
    exclude: ["tests/e2e/**", "tests/ops/**", "node_modules/**"],
    setupFiles: ["tests/support/setup-db.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    pool: "forks",
    maxWorkers: 2,
  },
});
