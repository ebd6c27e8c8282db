import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIp, normalizeIp, parseProxyHops } from "@/lib/client-ip.mjs";
import { env } from "@/lib/env";
import { requestInfo } from "@/lib/request-info";
import { HSTS, prepareRequest } from "@/scripts/server-request.mjs";

// SECURITY.md 32, issue 14 item 1: the client IP comes from the socket, or from the N-th
// X-Forwarded-For entry from the right behind N trusted proxies.
describe("client IP from the socket and TRUSTED_PROXY_HOPS", () => {
  it("with 0 hops ignores a forged X-Forwarded-For and uses the socket", () => {
    expect(clientIp({ socketAddress: "203.0.113.9", forwardedFor: "198.51.100.1", hops: 0 })).toBe("203.0.113.9");
    expect(clientIp({ socketAddress: "::ffff:127.0.0.1", forwardedFor: "10.0.0.1, 10.0.0.2", hops: 0 })).toBe("127.0.0.1");
  });

  it("with 1 hop takes the right-most entry (what the proxy saw), never what the client wrote before it", () => {
    expect(clientIp({ socketAddress: "10.0.0.5", forwardedFor: "1.1.1.1, 2.2.2.2, 203.0.113.7", hops: 1 })).toBe("203.0.113.7");
    expect(clientIp({ socketAddress: "10.0.0.5", forwardedFor: ["1.1.1.1", "203.0.113.7"], hops: 1 })).toBe("203.0.113.7");
  });

  it("with 2 hops takes the second entry from the right", () => {
    expect(clientIp({ socketAddress: "10.0.0.5", forwardedFor: "6.6.6.6, 203.0.113.7, 10.0.0.4", hops: 2 })).toBe("203.0.113.7");
  });

  it("stops at the nearest address a trusted hop saw when the header is missing, short or garbage", () => {
    expect(clientIp({ socketAddress: "10.0.0.5", forwardedFor: undefined, hops: 1 })).toBe("10.0.0.5");
    expect(clientIp({ socketAddress: "10.0.0.5", forwardedFor: "not-an-ip", hops: 1 })).toBe("10.0.0.5");
    expect(clientIp({ socketAddress: "10.0.0.5", forwardedFor: "203.0.113.7, <script>", hops: 1 })).toBe("10.0.0.5");
    expect(clientIp({ socketAddress: "10.0.0.5", forwardedFor: ",,,", hops: 3 })).toBe("10.0.0.5");
    expect(clientIp({ socketAddress: "10.0.0.5", forwardedFor: "garbage, 10.0.0.4", hops: 2 })).toBe("10.0.0.4");
    expect(clientIp({ socketAddress: "10.0.0.5", forwardedFor: "203.0.113.7", hops: 5 })).toBe("203.0.113.7");
  });

  it("reads the address forms proxies write (port, brackets, IPv6, mapped IPv4) and nothing else", () => {
    expect(normalizeIp("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normalizeIp("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeIp(" 2001:db8::2 ")).toBe("2001:db8::2");
    expect(normalizeIp("::ffff:192.0.2.1")).toBe("192.0.2.1");
    for (const bad of ["", "unknown", "999.1.1.1", "1.2.3", "203.0.113.7\r\nx: y", "a".repeat(500)]) expect(normalizeIp(bad)).toBeNull();
  });

  it("accepts TRUSTED_PROXY_HOPS 0 to 10 and refuses anything else with a clear message", () => {
    expect(parseProxyHops(undefined)).toBe(0);
    expect(parseProxyHops("2")).toBe(2);
    for (const bad of ["-1", "11", "1.5", "one", "1e1"])
      expect(() => parseProxyHops(bad)).toThrow(/TRUSTED_PROXY_HOPS must be a whole number from 0 to 10/);
    const before = process.env.TRUSTED_PROXY_HOPS;
    try {
      process.env.TRUSTED_PROXY_HOPS = "3";
      expect(env().TRUSTED_PROXY_HOPS).toBe(3);
      process.env.TRUSTED_PROXY_HOPS = "eleven";
      expect(() => env()).toThrow(/Invalid configuration: TRUSTED_PROXY_HOPS: TRUSTED_PROXY_HOPS must be a whole number/);
    } finally {
      if (before === undefined) delete process.env.TRUSTED_PROXY_HOPS;
      else process.env.TRUSTED_PROXY_HOPS = before;
    }
  });
});

describe("what the custom server does to each request (scripts/server-request.mjs)", () => {
  const fakeRequest = (headers: Record<string, string>, remoteAddress = "198.51.100.20") => ({
    headers: { ...headers } as Record<string, string | string[] | undefined>,
    rawHeaders: Object.entries(headers).flat(),
    socket: { remoteAddress },
  });
  const fakeResponse = () => {
    const set = new Map<string, string>();
    return { set, setHeader: (n: string, v: string) => void set.set(n.toLowerCase(), v) };
  };

  it("always overwrites the client-IP header, whatever the client sent under that name", () => {
    const req = fakeRequest({ [CLIENT_IP_HEADER]: "1.2.3.4", "X-Scp-Client-Ip": "5.6.7.8", "x-forwarded-for": "9.9.9.9" });
    prepareRequest(req, fakeResponse(), { hops: 0 });
    expect(req.headers[CLIENT_IP_HEADER]).toBe("198.51.100.20");
    const raw = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i].toLowerCase() === CLIENT_IP_HEADER);
    expect(raw).toHaveLength(1);
  });

  it("with 0 hops drops the X-Forwarded-* headers a client wrote; with 1 hop keeps them for the proxy's answer", () => {
    const direct = fakeRequest({ "x-forwarded-for": "9.9.9.9", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    prepareRequest(direct, fakeResponse(), { hops: 0 });
    expect(direct.headers["x-forwarded-for"]).toBeUndefined();
    expect(direct.headers["x-forwarded-host"]).toBeUndefined();
    const proxied = fakeRequest({ "x-forwarded-for": "9.9.9.9, 203.0.113.7" }, "10.0.0.2");
    prepareRequest(proxied, fakeResponse(), { hops: 1 });
    expect(proxied.headers[CLIENT_IP_HEADER]).toBe("203.0.113.7");
  });

  it("sends HSTS when the APP_URL it runs with is https, and not otherwise (issue 14 item 8)", () => {
    const https = fakeResponse();
    prepareRequest(fakeRequest({}), https, { hops: 0, appUrl: "https://portal.example" });
    expect(https.set.get("strict-transport-security")).toBe(HSTS);
    for (const appUrl of ["http://localhost:3000", undefined, "not a url"]) {
      const res = fakeResponse();
      prepareRequest(fakeRequest({}), res, { hops: 0, appUrl });
      expect(res.set.has("strict-transport-security")).toBe(false);
    }
  });
});

describe("requestInfo in the app (lib/request-info.ts)", () => {
  const flag = Symbol.for("scp.client-ip-header-trusted");
  const g = globalThis as unknown as Record<symbol, unknown>;

  it("reads only the header the custom server set, never X-Forwarded-For or X-Real-IP", () => {
    const before = g[flag];
    try {
      g[flag] = true;
      expect(requestInfo(new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" })).ip).toBe("unknown");
      expect(requestInfo(new Headers({ "x-forwarded-for": "6.6.6.6", [CLIENT_IP_HEADER]: "203.0.113.7" })).ip).toBe("203.0.113.7");
      expect(requestInfo(new Headers({ [CLIENT_IP_HEADER]: "203.0.113.7, 6.6.6.6" })).ip).toBe("unknown");
    } finally {
      g[flag] = before;
    }
  });

  it("does not trust that header in a process the custom server did not start (a plain `next start`)", () => {
    const before = g[flag];
    try {
      delete g[flag];
      expect(requestInfo(new Headers({ [CLIENT_IP_HEADER]: "203.0.113.7" })).ip).toBe("unknown");
    } finally {
      g[flag] = before;
    }
  });
});
