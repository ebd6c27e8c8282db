import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER, requestIdFor } from "@/lib/client-ip.mjs";
import { log } from "@/lib/log";
import { createLogger, logPath, requestContext } from "@/lib/ops/logger.mjs";
import { requestId } from "@/lib/request-info";
import { logRequest } from "@/scripts/server-logging.mjs";
import { prepareRequest } from "@/scripts/server-request.mjs";
import { captureLogs } from "../support/logs";

const TOKEN = "q0p7Yt2bX9sWc4kL8mN1vR6zA3dF5gH0jK2lP4oI7uE";
let logs: ReturnType<typeof captureLogs> | undefined;
afterEach(() => {
  logs?.restore();
  logs = undefined;
  vi.unstubAllEnvs();
});

describe("request ids (issue 22)", () => {
  it("take a trusted proxy's X-Request-Id, and generate one when no proxy is trusted or the header is malformed", () => {
    expect(requestIdFor({ incoming: "lb-4711", hops: 1 })).toBe("lb-4711");
    expect(requestIdFor({ incoming: "lb-4711", hops: 0 })).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor({ incoming: "two words\nforged line", hops: 1 })).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor({ incoming: "x".repeat(129), hops: 1 })).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor({ incoming: undefined, hops: 2 })).not.toBe(requestIdFor({ incoming: undefined, hops: 2 }));
  });

  it("are rewritten on the request for the app and sent back in the response", () => {
    const req = {
      headers: { [REQUEST_ID_HEADER]: "client-chosen" } as Record<string, string | string[] | undefined>,
      rawHeaders: ["X-Request-Id", "client-chosen"],
      socket: { remoteAddress: "198.51.100.20" },
    };
    const sent = new Map<string, string>();
    const { requestId: id } = prepareRequest(req, { setHeader: (n: string, v: string) => void sent.set(n.toLowerCase(), v) }, { hops: 0 });
    expect(id).not.toBe("client-chosen");
    expect(req.headers[REQUEST_ID_HEADER]).toBe(id);
    expect(req.rawHeaders.filter((h) => h.toLowerCase() === REQUEST_ID_HEADER)).toHaveLength(1);
    expect(sent.get("x-request-id")).toBe(id);
    const behindProxy = {
      ...req,
      headers: { [REQUEST_ID_HEADER]: "lb-1" } as Record<string, string | string[] | undefined>,
      rawHeaders: [],
    };
    expect(prepareRequest(behindProxy, { setHeader: () => {} }, { hops: 1 }).requestId).toBe("lb-1");
  });

  it("reach app code the way the client IP does: only in a process the custom server started", () => {
    const flag = Symbol.for("scp.client-ip-header-trusted");
    const g = globalThis as unknown as Record<symbol, unknown>;
    const before = g[flag];
    try {
      g[flag] = true;
      expect(requestId(new Headers({ [REQUEST_ID_HEADER]: "abc", [CLIENT_IP_HEADER]: "203.0.113.7" }))).toBe("abc");
      delete g[flag];
      expect(requestId(new Headers({ [REQUEST_ID_HEADER]: "abc" }))).toBeUndefined();
    } finally {
      g[flag] = before;
    }
  });
});

describe("the structured logger (issue 22)", () => {
  it("writes one JSON object per line with level, time, message and the request id of the request being handled", () => {
    logs = captureLogs();
    requestContext().run({ requestId: "req-1" }, () => log.security("signin.failure", { email: "a@example.test", ip: "192.0.2.1" }));
    log.info("outside any request");
    const [inside, outside] = logs.events();
    expect(inside).toMatchObject({
      level: "info",
      msg: "signin.failure",
      kind: "security",
      event: "signin.failure",
      email: "a@example.test",
      reqId: "req-1",
    });
    expect(new Date(inside.time as string).toISOString()).toBe(inside.time);
    expect(outside).not.toHaveProperty("reqId");
  });

  it("redacts secret fields and activation links wherever they appear, errors included", () => {
    logs = captureLogs();
    const link = `http://localhost:3000/activate/${TOKEN}`;
    log.security("oops", { password: "hunter2 hunter2 hunter2", token: TOKEN, link, nested: { password: "p", cookie: "authjs=1" } });
    log.error(`could not open ${link}`, new Error(`fetch ${link} failed`));
    log.info("see /activate/" + TOKEN + "?x=1");
    expect(logs.text()).not.toContain(TOKEN);
    expect(logs.text()).not.toContain("hunter2");
    expect(logs.text()).not.toContain("authjs=1");
    const [fields, error] = logs.events();
    expect(fields).toMatchObject({
      password: "[redacted]",
      token: "[redacted]",
      link: "[redacted]",
      nested: { password: "[redacted]", cookie: "[redacted]" },
    });
    expect(error).toMatchObject({
      level: "error",
      msg: "could not open http://localhost:3000/activate/[token]",
      err: { message: "fetch http://localhost:3000/activate/[token] failed" },
    });
  });

  it("is silent under SCP_SILENT_LOGS=1 (tests) and honours LOG_LEVEL", () => {
    const lines: string[] = [];
    const sink = { write: (l: string) => void lines.push(l) };
    vi.stubEnv("SCP_SILENT_LOGS", "1");
    createLogger(sink).error("not written");
    vi.stubEnv("SCP_SILENT_LOGS", "");
    vi.stubEnv("LOG_LEVEL", "warn");
    const quiet = createLogger(sink);
    quiet.info("not written either");
    quiet.warn("written");
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["written"]);
  });
});

describe("request lines from the custom server (issue 22)", () => {
  const respond = (status: number, finished = true) =>
    Object.assign(new EventEmitter(), { statusCode: status, writableFinished: finished });

  it("log method, path without query string or activation token, status, duration, request id and IP", () => {
    logs = captureLogs();
    const res = respond(200);
    logRequest({ method: "POST", url: `/activate/${TOKEN}?email=a%40b.test` }, res, { requestId: "req-9", ip: "203.0.113.5" });
    res.emit("close");
    const [line] = logs.events();
    expect(line).toMatchObject({
      level: "info",
      msg: "request",
      method: "POST",
      path: "/activate/[token]",
      status: 200,
      reqId: "req-9",
      ip: "203.0.113.5",
    });
    expect(typeof line.durationMs).toBe("number");
    expect(logs.text()).not.toContain(TOKEN);
    expect(logs.text()).not.toContain("a%40b");
  });

  it("say when the client went away, and keep probes at debug level", () => {
    logs = captureLogs();
    const gone = respond(200, false);
    logRequest({ method: "GET", url: "/partners/contracts" }, gone, { requestId: "r1", ip: "::1" });
    gone.emit("close");
    const probe = respond(200);
    logRequest({ method: "GET", url: "/api/ready" }, probe, { requestId: "r2", ip: "::1" });
    probe.emit("close");
    expect(logs.events().map((e) => [e.level, e.msg, e.aborted ?? false])).toEqual([
      ["warn", "request aborted", true],
      ["debug", "request", false],
    ]);
  });

  it("strips query strings and tokens from every path shape", () => {
    expect(logPath("/activate/abc/review?x=1#f")).toBe("/activate/[token]/review");
    expect(logPath("/sign-in?callbackUrl=%2Factivate%2Fabc")).toBe("/sign-in");
    expect(logPath(undefined)).toBe("/");
  });
});
