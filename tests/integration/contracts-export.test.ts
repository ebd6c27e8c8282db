import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/(portal)/partners/contracts/export/route";
import { EXPORT_COLUMNS, EXPORT_PAGE, exportContractsCsv, neutralizeCell } from "@/lib/contracts/export-contracts";
import { recordOpen } from "@/lib/follow-up/record-open";
import { actAs, activateFor, db, makeAccount, makeAgreement, makeContract, makeMember, tokenOf } from "../support/factories";

let issuer: Awaited<ReturnType<typeof makeAccount>>;
let other: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;

beforeAll(async () => {
  issuer = await makeAccount();
  other = await makeAccount();
  agreementId = (await makeAgreement(issuer, { name: "=cmd|' /C calc'!A0" })).agreement.publicId;
});

async function read(stream: ReadableStream<Uint8Array>): Promise<string[][]> {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so spreadsheets read UTF-8
  return parse(Buffer.from(bytes), { bom: true });
}

describe("Export CSV of the Contracts list", () => {
  it("streams every contract of the account in pages, with the list's columns plus signee, expiry, opened and activated", async () => {
    const total = EXPORT_PAGE + 5; // more than one page
    const base = await makeContract(issuer, agreementId, { signeeEmail: "+1@example.test", kind: "test" });
    await recordOpen(await db(), { token: tokenOf(base.activationLink) }, { ip: "198.51.100.1", userAgent: "x" });
    const active = await makeContract(issuer, agreementId, { signeeEmail: "active@example.test" });
    await activateFor(active, await makeAccount({ role: "reseller", name: "@Reseller SUM(A1) LLC" }));
    // The rest set-based, cheaply: copies of the first contract with fresh IDs.
    const d = await db();
    await d.execute(sql`insert into contracts (public_id, kind, agreement_id, agreement_version_id, issuer_account_id, permissions, note_to_signee, link_expires_at, created_at)
      select 'CRS-' || lpad(g::text, 5, '0') || '-00000-00000', kind, agreement_id, agreement_version_id, issuer_account_id, permissions, note_to_signee, link_expires_at, now() - (g || ' seconds')::interval
      from contracts, generate_series(1, ${total - 2}) g where id = ${base.id}`);

    const rows = await read(exportContractsCsv(await db(), issuer.viewer));
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(total + 1);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(total);
    const byId = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, r[i]]))]));
    const opened = byId.get(base.publicId)!;
    expect(opened).toMatchObject({ "Signee email": "'+1@example.test", Kind: "Test", Status: "Pending", Opens: "1" });
    expect(opened["First opened"]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(opened["Link expires"]).toMatch(/^\d{4}-\d\d-\d\dT/);
    // CSV injection: cells starting with = + - @ are written as text.
    expect(opened.Agreement).toBe("'=cmd|' /C calc'!A0");
    const act = byId.get(active.publicId)!;
    expect(act).toMatchObject({ Status: "Active", Partner: "'@Reseller SUM(A1) LLC", "Link expires": "" });
    expect(act.Activated).toMatch(/^\d{4}-/);
  });

  it("applies the list's filters and search, and shows nothing of another account", async () => {
    const rows = await read(exportContractsCsv(await db(), issuer.viewer, { status: "active" }));
    expect(rows.slice(1).map((r) => r[5])).toEqual(["Active"]);
    const search = await read(exportContractsCsv(await db(), issuer.viewer, { q: "active@example" }));
    expect(search).toHaveLength(2);
    const junk = await read(exportContractsCsv(await db(), issuer.viewer, { status: "nonsense", kind: "\u0000" }));
    expect(junk.length).toBeGreaterThan(2); // unknown values read as All, like the list
    expect(await read(exportContractsCsv(await db(), other.viewer))).toEqual([[...EXPORT_COLUMNS]]);
  });

  it("the route downloads for the account's staff (Read-only members too), 401 signed out, 404 for a reseller", async () => {
    const readonly = await makeMember(issuer, "readonly");
    actAs(readonly);
    const res = await exportRoute(new Request("http://localhost:3000/partners/contracts/export?status=active"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="contracts-[A-Z0-9-]+-\d{4}-\d\d-\d\d\.csv"$/);
    expect((await res.text()).split("\r\n").filter(Boolean)).toHaveLength(2);
    actAs(null);
    expect((await exportRoute(new Request("http://localhost:3000/partners/contracts/export"))).status).toBe(401);
    actAs(await makeAccount({ role: "reseller" }));
    expect((await exportRoute(new Request("http://localhost:3000/partners/contracts/export"))).status).toBe(404);
    actAs(null);
  });

  it("neutralizes formula cells", () => {
    expect(["=1+1", "+1", "-1", "@x", "\tx", "\rx", "plain", "a=b"].map(neutralizeCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@x",
      "'\tx",
      "'\rx",
      "plain",
      "a=b",
    ]);
  });
});
