import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../support/smtp-server";
import { startServer, type ServerProcess } from "./server-process";
import { DEMO, freshDatabase, signIn } from "./support";

type OtlpSpan = { name: string; attributes?: { key: string; value: Record<string, unknown> }[] };
type OtlpExport = { resourceSpans: { resource: { attributes: OtlpSpan["attributes"] }; scopeSpans: { spans: OtlpSpan[] }[] }[] };

/** A tiny OTLP/HTTP receiver on 127.0.0.1: keeps every JSON export posted to /v1/traces. */
async function otlpReceiver() {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      if (req.url === "/v1/traces") bodies.push(body);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const exports = () => bodies.map((b) => JSON.parse(b) as OtlpExport);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    raw: () => bodies.join("\n"),
    spans: () => exports().flatMap((e) => e.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))),
    services: () =>
      exports().flatMap((e) => e.resourceSpans.map((r) => r.resource.attributes?.find((a) => a.key === "service.name")?.value.stringValue)),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

describe("OpenTelemetry (issue 22)", () => {
  it("exports spans over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set: database queries, outbox deliveries, requests; no activation token", async () => {
    const receiver = await otlpReceiver();
    cleanup.push(() => receiver.close());
    const smtp = await startSmtpServer();
    cleanup.push(() => smtp.close());
    const db = await freshDatabase();
    cleanup.push(() => db.drop());
    const server: ServerProcess = await startServer({
      env: {
        DATABASE_URL: db.url,
        SEED_DEMO: "force",
        SMTP_URL: smtp.url,
        SCP_OUTBOX_INTERVAL_MS: "200",
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_BSP_SCHEDULE_DELAY: "200",
      },
    });
    cleanup.push(() => server.stop());

    const { cookie } = await signIn(server.url, DEMO.email, DEMO.password);
    expect(cookie).toBeTruthy();
    expect((await fetch(`${server.url}/partners/contracts`, { headers: { cookie: cookie! } })).status).toBe(200);
    const token = "Zq3xY7wV2uT9sR4pO1nM6lK8jH5gF0dS3aQ2wE7rT4y";
    await fetch(`${server.url}/activate/${token}?utm=x`);
    const sql = db.sql();
    await sql`insert into outbox (kind, to_address, subject, html, text_body) values ('invitation', 'traced@example.test', 'Hello', '<p>Hi</p>', 'Hi')`;
    await sql.end();
    await expect.poll(() => smtp.received.length, { timeout: 30_000 }).toBe(1);

    await expect.poll(() => receiver.spans().some((s) => s.name === "outbox.deliver"), { timeout: 30_000, interval: 200 }).toBe(true);
    const names = new Set(receiver.spans().map((s) => s.name));
    expect(names.has("db.query")).toBe(true); // the signed-in page read its viewer
    expect(names.has("db.transaction")).toBe(true);
    expect([...names].some((n) => /^(GET|POST) /.test(n))).toBe(true); // Next's own request spans
    const query = receiver.spans().find((s) => s.name === "db.query")!;
    expect(query.attributes?.find((a) => a.key === "db.query.text")?.value.stringValue).toMatch(/select/i);
    const delivery = receiver.spans().find((s) => s.name === "outbox.deliver")!;
    expect(delivery.attributes?.find((a) => a.key === "outbox.kind")?.value.stringValue).toBe("invitation");
    expect(new Set(receiver.services())).toEqual(new Set(["service-contracts"]));
    expect(receiver.raw()).not.toContain(token);
    expect(receiver.raw()).not.toContain(DEMO.password);
    expect(receiver.raw()).not.toContain("utm=x");
  });
});
