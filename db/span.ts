/**
 * Manual spans for database work and outbox deliveries. The tracer is put on globalThis by
 * lib/ops/telemetry.ts, which instrumentation.ts loads only when OTEL_EXPORTER_OTLP_ENDPOINT is set; without
 * it these helpers call straight through and nothing from OpenTelemetry is loaded.
 */
type Attributes = Record<string, string | number | boolean>;
type Span = {
  setAttributes(a: Attributes): void;
  addEvent(name: string, a?: Attributes): void;
  recordException(e: unknown): void;
  setStatus(s: { code: number; message?: string }): void;
  end(): void;
};
type Tracer = { startActiveSpan<T>(name: string, options: { kind?: number; attributes?: Attributes }, fn: (span: Span) => T): T };
type Api = { tracer: Tracer; activeSpan: () => Span | undefined };

const KEY = Symbol.for("scp.telemetry");
const SPAN_KIND_CLIENT = 2; // @opentelemetry/api SpanKind.CLIENT
const STATUS_ERROR = 2; // SpanStatusCode.ERROR

function api(): Api | undefined {
  return (globalThis as unknown as Record<symbol, Api | undefined>)[KEY];
}

export function tracingEnabled(): boolean {
  return api() !== undefined;
}

/** Runs `fn` inside a span named `name` (a client span: the work happens in another system). */
export async function traced<T>(name: string, attributes: Attributes | (() => Attributes), fn: (span?: Span) => Promise<T>): Promise<T> {
  const t = api();
  if (!t) return fn();
  const attrs = typeof attributes === "function" ? attributes() : attributes;
  return t.tracer.startActiveSpan(name, { kind: SPAN_KIND_CLIENT, attributes: attrs }, async (span) => {
    try {
      return await fn(span);
    } catch (e) {
      span.recordException(e);
      span.setStatus({ code: STATUS_ERROR, message: e instanceof Error ? e.message.slice(0, 200) : "error" });
      throw e;
    } finally {
      span.end();
    }
  });
}

/** Notes a statement on the span in progress (the SQL text only: parameters never leave the process). */
export function noteStatement(sqlText: string): void {
  api()
    ?.activeSpan()
    ?.addEvent("db.statement", { "db.query.text": sqlText.slice(0, 2000) });
}
