import { context, trace, type Attributes, type AttributeValue } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-node";
import { env } from "@/lib/env";
import { onShutdown } from "./lifecycle.mjs";
import { logPath } from "./logger.mjs";

/**
 * OpenTelemetry traces over OTLP/HTTP, loaded by instrumentation.ts only when OTEL_EXPORTER_OTLP_ENDPOINT is
 * set (the exporter reads it and the other OTEL_* variables itself). Next's own request spans come along
 * once a provider is registered; ours are the database's (db/span.ts) and the outbox's.
 */
export function startTelemetry(): void {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": env().OTEL_SERVICE_NAME }),
    spanProcessors: [new BatchSpanProcessor(new ScrubbingExporter(new OTLPTraceExporter()))],
  });
  provider.register();
  const tracer = trace.getTracer("service-contracts");
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("scp.telemetry")] = {
    tracer,
    activeSpan: () => trace.getSpan(context.active()),
  };
  onShutdown("telemetry", 30, () => provider.shutdown());
}

/** Attributes that hold a URL: no query string, no activation token. Everything else: no activation token. */
const URL_KEYS = new Set(["http.target", "http.url", "url.full", "url.path", "next.route", "http.route"]);
const DROPPED = new Set(["url.query", "drizzle.query.params", "db.query.parameters"]);

function scrub(key: string, value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value !== "string") return value;
  if (URL_KEYS.has(key)) {
    const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(value)?.[0] ?? "";
    return origin + logPath(value.slice(origin.length) || "/");
  }
  return value.replace(/(\/(?:activate|join|reset-password)\/)[^/?#\s"'<>]+/g, "$1[token]");
}

/** Activation links are bearer credentials: spans leave the process without them (README, "Deploying"). */
class ScrubbingExporter implements SpanExporter {
  constructor(private readonly next: SpanExporter) {}
  export(spans: ReadableSpan[], done: Parameters<SpanExporter["export"]>[1]): void {
    this.next.export(spans.map(scrubSpan), done);
  }
  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
  forceFlush(): Promise<void> {
    return this.next.forceFlush?.() ?? Promise.resolve();
  }
}

function scrubSpan(span: ReadableSpan): ReadableSpan {
  const attributes: Attributes = {};
  for (const [k, v] of Object.entries(span.attributes)) if (!DROPPED.has(k)) attributes[k] = scrub(k, v);
  const events = span.events.map((e) => ({
    ...e,
    attributes: e.attributes && Object.fromEntries(Object.entries(e.attributes).map(([k, v]) => [k, scrub(k, v)])),
  }));
  // The span's own methods (spanContext()) stay reachable through the prototype.
  return Object.create(span, {
    name: { value: scrub("", span.name), enumerable: true },
    attributes: { value: attributes, enumerable: true },
    events: { value: events, enumerable: true },
  }) as ReadableSpan;
}
