import { afterEach, describe, expect, it, vi } from "vitest";
import { traced, tracingEnabled } from "@/db/span";

const loaded = vi.hoisted(() => ({ telemetry: 0, started: 0 }));
vi.mock("@/lib/ops/telemetry", () => {
  loaded.telemetry++;
  return { startTelemetry: () => void loaded.started++ };
});
vi.mock("@/lib/server-start", () => ({ startServer: async () => {} }));

afterEach(() => vi.unstubAllEnvs());

describe("instrumentation.ts (issue 22)", () => {
  it("loads nothing from OpenTelemetry without OTEL_EXPORTER_OTLP_ENDPOINT, and database spans call straight through", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "");
    const { register } = await import("@/instrumentation");
    await register();
    expect(loaded).toEqual({ telemetry: 0, started: 0 });
    expect(tracingEnabled()).toBe(false);
    expect(
      await traced(
        "db.query",
        () => ({ unused: "never computed" }),
        async () => 42,
      ),
    ).toBe(42);
  });

  it("starts telemetry when the endpoint is set", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318");
    const { register } = await import("@/instrumentation");
    await register();
    expect(loaded).toEqual({ telemetry: 1, started: 1 });
  });
});
