import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Operations checks (tests/ops): real processes on PostgreSQL (DATABASE_URL, or the local server CI starts)
 * against the production build: migrations racing, graceful shutdown, telemetry, the standalone folder, and
 * two instances behind HAProxy. One file at a time: each starts servers of its own.
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    environment: "node",
    reporters: process.env.VITEST_JSON ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_JSON ? { json: process.env.VITEST_JSON } : undefined,
    include: ["tests/ops/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
