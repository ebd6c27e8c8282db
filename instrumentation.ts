// Runs once when the server starts: telemetry (only when an OTLP endpoint is configured), then the
// configuration check, migrations, demo data in development.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  if (env().OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTelemetry } = await import("./lib/ops/telemetry");
    startTelemetry();
  }
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
