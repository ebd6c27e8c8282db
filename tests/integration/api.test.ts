import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contracts } from "@/db/schema";
import { revokeApiKey } from "@/lib/api/api-keys";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { actAs, activateFor, db, makeAccount, makeActiveContract, makeAgreement, makeContract } from "../support/factories";
import { fingerprint } from "../support/actions";
import { api, documentedPaths, keyFor } from "../support/api";
import { delegatedReseller, terminate } from "../security/delegation-support";
import { openApiDocument } from "@/lib/api/openapi";

// Issue 19: every /api/v1 endpoint × (no key, read key, write key, another tenant's key, revoked key, a
// reseller's key without the permission). Every answer is validated against the OpenAPI document
// (tests/support/api.ts), so the document and the answers cannot drift.

type Who = Awaited<ReturnType<typeof makeAccount>>;
type World = { a: Who; b: Who; reseller: Who; agreementA: string };
type Call = { path: string; body?: unknown; headers?: Record<string, string> };
type Case = {
  method: "GET" | "POST" | "DELETE";
  template: string;
  scope: "read" | "write";
  /** Fresh objects owned by distributor A, and the call on them. */
  make: (w: World) => Promise<Call>;
  ok: number;
  /** What distributor B's key gets for the same call: 404 for A's object, else its own scoped answer. */
  foreign: number;
  /** For a list read by B: none of A's objects in it. */
  notLeaking?: (body: unknown, call: Call) => void;
};

const future = defaultExpiryDate();
const pending = async (w: World) => (await makeContract(w.a, w.agreementA)).publicId;
const active = async (w: World) => (await activateFor(await makeContract(w.a, w.agreementA), w.reseller)).publicId;
const ids = (body: unknown) => JSON.stringify(body);

const cases: Case[] = [
  {
    method: "GET",
    template: "/agreements",
    scope: "read",
    make: async () => ({ path: "/agreements" }),
    ok: 200,
    foreign: 200,
    notLeaking: (body) => expect(ids(body)).not.toContain(world.agreementA),
  },
  {
    method: "POST",
    template: "/agreements",
    scope: "write",
    make: async () => ({ path: "/agreements", body: { type: "service", name: "API agreement", description: "d", content: "terms" } }),
    ok: 201,
    foreign: 201,
  },
  {
    method: "GET",
    template: "/agreements/{publicId}",
    scope: "read",
    make: async (w) => ({ path: `/agreements/${w.agreementA}` }),
    ok: 200,
    foreign: 404,
  },
  {
    method: "POST",
    template: "/agreements/{publicId}/versions",
    scope: "write",
    make: async (w) => ({ path: `/agreements/${(await makeAgreement(w.a)).agreement.publicId}/versions`, body: { content: "v2 terms" } }),
    ok: 201,
    foreign: 404,
  },
  {
    method: "POST",
    template: "/agreements/{publicId}/versions/{number}/activate",
    scope: "write",
    make: async (w) => ({
      path: `/agreements/${(await makeAgreement(w.a, { versions: 2, active: 1 })).agreement.publicId}/versions/2/activate`,
    }),
    ok: 200,
    foreign: 404,
  },
  {
    method: "GET",
    template: "/contracts",
    scope: "read",
    make: async (w) => {
      await pending(w);
      return { path: "/contracts?limit=100" };
    },
    ok: 200,
    foreign: 200,
    notLeaking: (body) => expect((body as { data: unknown[] }).data).toEqual([]),
  },
  {
    method: "POST",
    template: "/contracts",
    scope: "write",
    make: async (w) => ({
      path: "/contracts",
      body: { agreementId: w.agreementA, kind: "test", noteToSignee: "Welcome", linkExpiresOn: future },
    }),
    ok: 201,
    foreign: 404,
  },
  {
    method: "GET",
    template: "/contracts/{publicId}",
    scope: "read",
    make: async (w) => ({ path: `/contracts/${await pending(w)}` }),
    ok: 200,
    foreign: 404,
  },
  {
    method: "DELETE",
    template: "/contracts/{publicId}",
    scope: "write",
    make: async (w) => ({ path: `/contracts/${await pending(w)}` }),
    ok: 204,
    foreign: 404,
  },
  {
    method: "POST",
    template: "/contracts/{publicId}/email-link",
    scope: "write",
    make: async (w) => ({ path: `/contracts/${await pending(w)}/email-link`, body: { signeeEmail: "signee@example.test" } }),
    ok: 200,
    foreign: 404,
  },
  {
    method: "POST",
    template: "/contracts/{publicId}/regenerate-link",
    scope: "write",
    make: async (w) => ({ path: `/contracts/${await pending(w)}/regenerate-link`, body: { linkExpiresOn: future } }),
    ok: 200,
    foreign: 404,
  },
  {
    method: "POST",
    template: "/contracts/{publicId}/extend-expiry",
    scope: "write",
    make: async (w) => {
      const publicId = await pending(w);
      const [c] = await (await db()).select({ at: contracts.linkExpiresAt }).from(contracts).where(eq(contracts.publicId, publicId));
      const later = new Date(c.at.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
      return { path: `/contracts/${publicId}/extend-expiry`, body: { linkExpiresOn: later, currentExpiresAt: c.at.toISOString() } };
    },
    ok: 200,
    foreign: 404,
  },
  {
    method: "POST",
    template: "/contracts/{publicId}/terminate",
    scope: "write",
    make: async (w) => ({ path: `/contracts/${await active(w)}/terminate`, body: { reason: "Ended by the API" } }),
    ok: 204,
    foreign: 404,
  },
  {
    method: "GET",
    template: "/contracts/{publicId}/history",
    scope: "read",
    make: async (w) => ({ path: `/contracts/${await pending(w)}/history` }),
    ok: 200,
    foreign: 404,
  },
  {
    method: "GET",
    template: "/partners",
    scope: "read",
    make: async () => ({ path: "/partners" }),
    ok: 200,
    foreign: 200,
    notLeaking: (body) => expect(ids(body)).not.toContain(world.reseller.account.publicId),
  },
  {
    method: "GET",
    template: "/partners/{publicId}",
    scope: "read",
    make: async (w) => ({ path: `/partners/${w.reseller.account.publicId}` }),
    ok: 200,
    foreign: 404,
  },
  {
    method: "GET",
    template: "/events",
    scope: "read",
    make: async (w) => {
      await pending(w);
      return { path: "/events" };
    },
    ok: 200,
    foreign: 200,
    notLeaking: (body) => expect((body as { data: unknown[] }).data).toEqual([]),
  },
];

let world: World;
const keys: Record<"read" | "write" | "foreign" | "revoked" | "reseller", string> = {} as never;

beforeAll(async () => {
  const a = await makeAccount({ name: "API Distributor A Inc." });
  const b = await makeAccount({ name: "API Distributor B Inc." });
  const agreementA = (await makeAgreement(a, { versions: 2, active: 1 })).agreement.publicId;
  const { reseller } = await makeActiveContract(await makeContract(a, agreementA), { name: "API Reseller LLC" });
  world = { a, b, reseller, agreementA };
  keys.read = await keyFor(a, "read");
  keys.write = await keyFor(a, "write");
  keys.foreign = await keyFor(b, "write");
  keys.reseller = await keyFor(reseller, "write");
  keys.revoked = await keyFor(a, "write");
  const { loadKeyViewer } = await import("@/lib/api/api-keys");
  const revoked = (await loadKeyViewer(await db(), keys.revoked))!;
  await revokeApiKey(await db(), a.viewer, { id: revoked.keyId });
});

describe("every endpoint × every kind of key", () => {
  it("covers every operation of the OpenAPI document", () => {
    const documented = Object.entries(openApiDocument().paths ?? {}).flatMap(([p, item]) =>
      Object.keys(item ?? {}).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(cases.map((c) => `${c.method} ${c.template}`).sort());
    expect(new Set(documentedPaths)).toEqual(new Set(Object.keys(openApiDocument().paths ?? {})));
  });

  for (const c of cases) {
    it(`${c.method} ${c.template}`, async () => {
      const refusedWithoutWrites = async (key: string | null, status: number) => {
        const call = await c.make(world);
        const before = await fingerprint();
        const res = await api(c.method, call.path, { ...call, key });
        expect(res.status, JSON.stringify(res.body)).toBe(status);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect(await fingerprint(), "a refusal wrote something").toBe(before);
        return res;
      };
      // No key, a malformed one and a revoked one: 401, the same answer.
      const none = await refusedWithoutWrites(null, 401);
      expect(none.headers.get("www-authenticate")).toBe('Bearer realm="api"');
      const revoked = await refusedWithoutWrites(keys.revoked, 401);
      expect(revoked.body).toEqual(none.body);
      await refusedWithoutWrites("scp_live_not-a-key", 401);
      // A reseller's key whose account holds no permission for the Partners module.
      await refusedWithoutWrites(keys.reseller, 403);
      // A read key: reads work, changes are refused.
      if (c.scope === "write") {
        const res = await refusedWithoutWrites(keys.read, 403);
        expect((res.body as { detail: string }).detail).toMatch(/read-only/);
      } else {
        const call = await c.make(world);
        expect((await api(c.method, call.path, { ...call, key: keys.read })).status).toBe(c.ok);
      }
      // The write key works.
      const call = await c.make(world);
      const ok = await api(c.method, call.path, { ...call, key: keys.write });
      expect(ok.status, JSON.stringify(ok.body)).toBe(c.ok);
      // Another tenant's key: A's object is a 404, lists hold none of A's objects.
      if (c.foreign === 404) await refusedWithoutWrites(keys.foreign, 404);
      else {
        const other = await c.make(world);
        const res = await api(c.method, other.path, { ...other, key: keys.foreign });
        expect(res.status).toBe(c.foreign);
        c.notLeaking?.(res.body, other);
      }
    });
  }
});

describe("behaviour", () => {
  it("another tenant's contract is a 404 exactly like a missing one", async () => {
    const publicId = await pending(world);
    const foreign = await api("GET", `/contracts/${publicId}`, { key: keys.foreign });
    const missing = await api("GET", "/contracts/CRS-00000-00000-00000", { key: keys.foreign });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    const foreignAgreement = await api("GET", `/agreements/${world.agreementA}`, { key: keys.foreign });
    expect(foreignAgreement.body).toEqual((await api("GET", "/agreements/AGS-0000-0000", { key: keys.foreign })).body);
  });

  it("answers invalid fields with the forms' codes and messages", async () => {
    const res = await api("POST", "/contracts", {
      key: keys.write,
      body: { agreementId: world.agreementA, kind: "other", noteToSignee: " ", linkExpiresOn: "2027-02-30" },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: "invalid",
      detail: "Please correct the highlighted fields.",
      errors: {
        kind: "Select Test or Production.",
        noteToSignee: "Leave a note to signee.",
        linkExpiresOn: "That date does not exist. Choose a day from the calendar.",
      },
    });
    const bad = await api("POST", "/contracts", { key: keys.write, body: "{not json" });
    expect(bad.status).toBe(400);
    const stale = await api("POST", `/contracts/${await pending(world)}/terminate`, { key: keys.write, body: { reason: "x" } });
    expect(stale).toMatchObject({ status: 409, body: { code: "stale" } });
  });

  it("creates a contract once per Idempotency-Key, like the wizard's creation key", async () => {
    const body = { agreementId: world.agreementA, kind: "production", noteToSignee: "Hello", linkExpiresOn: future };
    const headers = { "idempotency-key": "4f1c2a9e-0d7b-4c55-9b1e-2f0a6c3d8e71" };
    const first = await api("POST", "/contracts", { key: keys.write, body, headers });
    const again = await api("POST", "/contracts", { key: keys.write, body, headers });
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const rows = await (await db()).select().from(contracts).where(eq(contracts.creationKey, headers["idempotency-key"]));
    expect(rows).toHaveLength(1);
    const badKey = await api("POST", "/contracts", { key: keys.write, body, headers: { "idempotency-key": "short" } });
    expect(badKey.status).toBe(400);
  });

  it("shows a pending contract's activation link to write keys only", async () => {
    const publicId = await pending(world);
    const read = await api("GET", `/contracts/${publicId}`, { key: keys.read });
    const write = await api("GET", `/contracts/${publicId}`, { key: keys.write });
    expect((read.body as { activationLink: string | null }).activationLink).toBeNull();
    expect((write.body as { activationLink: string | null }).activationLink).toMatch(
      /^http:\/\/localhost:3000\/activate\/[A-Za-z0-9_-]{43}$/,
    );
  });

  it("a reseller's key has what its active contracts grant, and loses it on termination", async () => {
    const r = await delegatedReseller();
    const key = await keyFor(r.reseller, "write");
    expect((await api("GET", "/contracts", { key })).status).toBe(200);
    await terminate(r.delegation.id);
    const after = await api("GET", "/contracts", { key });
    expect(after.status).toBe(403);
  });

  it("never reads the session cookie: a signed-in browser without a key gets 401", async () => {
    actAs(world.a);
    const res = await api("GET", "/contracts", { headers: { cookie: "authjs.session-token=whatever" } });
    expect(res.status).toBe(401);
    actAs(null);
  });

  it("limits each key per minute in PostgreSQL and answers 429 with Retry-After", async () => {
    const previous = process.env.SCP_API_REQUESTS_PER_MINUTE;
    process.env.SCP_API_REQUESTS_PER_MINUTE = "3";
    try {
      const key = await keyFor(world.a, "read");
      const other = await keyFor(world.a, "read");
      for (let i = 0; i < 3; i++) expect((await api("GET", "/agreements", { key })).status).toBe(200);
      const limited = await api("GET", "/agreements", { key });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      // Another key of the same account has its own budget.
      expect((await api("GET", "/agreements", { key: other })).status).toBe(200);
    } finally {
      if (previous === undefined) delete process.env.SCP_API_REQUESTS_PER_MINUTE;
      else process.env.SCP_API_REQUESTS_PER_MINUTE = previous;
    }
  });

  it("reads events after a cursor, oldest first", async () => {
    const first = await api("GET", "/events?limit=500", { key: keys.write });
    const cursor = (first.body as { nextCursor: string }).nextCursor;
    const publicId = await pending(world);
    const next = await api("GET", `/events?after=${cursor}`, { key: keys.write });
    expect((next.body as { data: { type: string; contract: string }[] }).data).toEqual([
      expect.objectContaining({ type: "contract.created", contract: publicId }),
    ]);
    const idle = await api("GET", `/events?after=${(next.body as { nextCursor: string }).nextCursor}`, { key: keys.write });
    expect((idle.body as { data: unknown[] }).data).toEqual([]);
  });

  it("records when a key was last used", async () => {
    const { listApiKeys } = await import("@/lib/api/api-keys");
    const key = await keyFor(world.a, "read");
    const before = (await listApiKeys(await db(), world.a.viewer)).find((k) => key.startsWith(k.prefix) && k.lastUsedAt === null);
    expect(before).toBeTruthy();
    await api("GET", "/agreements", { key });
    const after = (await listApiKeys(await db(), world.a.viewer)).find((k) => k.id === before!.id);
    expect(after?.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("the document and its reference page", () => {
  it("serves the OpenAPI 3.1 document publicly and renders every operation on /docs/api", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const res = GET();
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { summary: string }>> };
    expect(doc.openapi).toBe("3.1.0");
    const { renderPage } = await import("@/tests/support/render");
    const { default: Page } = await import("@/app/docs/api/page");
    const html = await renderPage(await Page());
    for (const item of Object.values(doc.paths)) for (const op of Object.values(item)) expect(html).toContain(op.summary);
    expect(html).toContain("ContractSummary");
    expect(html).not.toContain("<script");
  });
});
