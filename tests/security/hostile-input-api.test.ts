import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { db, makeAccount, makeAgreement, makeContract } from "../support/factories";
import { fingerprint } from "../support/actions";
import { hostileString, hostileValue } from "../support/hostile";
import { api, keyFor } from "../support/api";

// Issue 19: whatever a client sends to /api/v1 (path segments, query strings, JSON bodies, headers), the
// answer is one the OpenAPI document lists (tests/support/api.ts fails on anything else, a 500 included),
// and a refused write changes nothing.

let key: string;
let agreement: string;
let contract: string;

beforeAll(async () => {
  process.env.SCP_API_REQUESTS_PER_MINUTE = "1000000";
  const staff = await makeAccount();
  agreement = (await makeAgreement(staff)).agreement.publicId;
  contract = (await makeContract(staff, agreement)).publicId;
  key = await keyFor(staff, "write");
  await db();
});

/** JSON as a client would send it (a BigInt has no JSON form: sent as its digits). */
const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x)) ?? "null";

const segment = hostileString.map((s) => encodeURIComponent(s) || "x");

describe("hostile input to /api/v1", () => {
  it("path segments and query strings never get an undocumented answer", async () => {
    await fc.assert(
      fc.asyncProperty(segment, hostileString, async (id, q) => {
        const query = `?q=${encodeURIComponent(q)}&cursor=${encodeURIComponent(q)}&limit=${encodeURIComponent(q)}&status=${encodeURIComponent(q)}`;
        for (const path of [`/contracts/${id}`, `/contracts/${id}/history`, `/agreements/${id}`, `/partners/${id}`])
          expect([200, 404]).toContain((await api("GET", path, { key })).status);
        for (const path of [`/contracts${query}`, `/agreements${query}`, `/partners${query}`, `/events?after=${encodeURIComponent(q)}`])
          expect((await api("GET", path, { key })).status).toBe(200);
      }),
      { numRuns: 15 },
    );
  });

  it("hostile JSON bodies are refused field by field and write nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ agreementId: hostileValue, kind: hostileValue, noteToSignee: hostileValue, linkExpiresOn: hostileValue }),
        hostileValue,
        async (body, reason) => {
          const before = await fingerprint();
          const created = await api("POST", "/contracts", { key, body: json(body) });
          expect([400, 404, 422]).toContain(created.status);
          const terminated = await api("POST", `/contracts/${contract}/terminate`, { key, body: json({ reason }) });
          expect([409, 422]).toContain(terminated.status);
          const version = await api("POST", `/agreements/${agreement}/versions`, { key, body: json({ content: reason }) });
          if (version.status !== 201) {
            expect(version.status).toBe(422);
            expect(await fingerprint()).toBe(before);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it("malformed bodies and headers are a 400 or 401, never a 500", async () => {
    for (const body of ["", "null", "[]", "1", '"x"', "{", '{"a":\u0000}'])
      expect((await api("POST", "/contracts", { key, body, headers: { "content-type": "application/json" } })).status).toBe(400);
    expect((await api("POST", "/contracts", { key, body: "{}", headers: { "content-type": "text/plain" } })).status).toBe(400);
    for (const auth of [
      "Bearer",
      "Bearer  ",
      "Basic abc",
      `Bearer ${key} extra`,
      `bearer ${key.toUpperCase()}`,
      `Bearer scp_live_${"x".repeat(43)}`,
    ])
      expect((await api("GET", "/contracts", { headers: { authorization: auth } })).status).toBe(401);
  });

  it("SCP_WEBHOOKS_ALLOW_LOOPBACK is refused in production", () => {
    const before = { ...process.env };
    try {
      Object.assign(process.env, { NODE_ENV: "production", SCP_WEBHOOKS_ALLOW_LOOPBACK: "1" });
      expect(() => env()).toThrow(/SCP_WEBHOOKS_ALLOW_LOOPBACK: only for tests; it is refused in production/);
    } finally {
      (process.env as Record<string, string | undefined>).NODE_ENV = before.NODE_ENV;
      if (before.SCP_WEBHOOKS_ALLOW_LOOPBACK === undefined) delete process.env.SCP_WEBHOOKS_ALLOW_LOOPBACK;
    }
  });
});
