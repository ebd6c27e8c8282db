import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contracts, outbox } from "@/db/schema";
import { previewBulkInvite, runBulkInviteBatch } from "@/lib/bulk/bulk-invite";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { isAppError } from "@/lib/errors";
import { db, makeAccount, makeAgreement } from "../support/factories";
import { fingerprint } from "../support/actions";

let issuer: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;

beforeAll(async () => {
  issuer = await makeAccount();
  agreementId = (await makeAgreement(issuer)).agreement.publicId;
});

const shared = () => ({ agreementId, linkExpiresOn: defaultExpiryDate(), sendReminders: true });

/** 20 rows, 3 of them bad: a malformed email, an unknown kind, an empty note. */
function twentyRows(tag: string): string {
  const lines = ["Signee email,Company name,Note to signee,Kind,Program,Delegate"];
  for (let i = 1; i <= 20; i++) {
    const email = i === 4 ? "not-an-email" : `p${i}-${tag}@example.test`;
    const kind = i === 9 ? "trial" : i % 2 ? "production" : "test";
    const note = i === 15 ? "" : `"Welcome, partner ${i}"`;
    lines.push(`${email},Partner ${i} LLC,${note},${kind},no,`);
  }
  return lines.join("\n");
}

async function runAll(csv: string, fileHash: string, total: number) {
  const results = [];
  for (let from = 0; from < total; from += 7) {
    results.push(...(await runBulkInviteBatch(await db(), issuer.viewer, { csv, ...shared(), fileHash, from, count: 7 })));
  }
  return results;
}

describe("Invite in bulk", () => {
  it("checks every row before creating anything, then creates one contract with its invitation per valid row", async () => {
    const csv = twentyRows("a");
    const before = await fingerprint();
    const preview = await previewBulkInvite(await db(), issuer.viewer, { csv, ...shared() });
    expect(await fingerprint()).toBe(before);
    expect(preview.valid).toBe(17);
    const bad = preview.rows.filter((r) => r.problems.length);
    expect(bad.map((r) => r.row)).toEqual([5, 10, 16]); // spreadsheet rows: the header is row 1
    expect(bad[0].problems).toEqual(["Signee email: Enter a valid email address."]);
    expect(bad[1].problems).toEqual(["Kind: write test or production."]);
    expect(bad[2].problems).toEqual(["Note to signee: Leave a note to signee."]);

    const results = await runAll(csv, preview.fileHash, preview.rows.length);
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(17);
    expect(results.filter((r) => r.outcome === "skipped").map((r) => r.row)).toEqual([5, 10, 16]);
    const ids = results.flatMap((r) => ("publicId" in r ? [r.publicId] : []));
    const rows = await (await db()).select().from(contracts).where(inArray(contracts.publicId, ids));
    expect(rows).toHaveLength(17);
    expect(rows.find((r) => r.signeeEmail === "p2-a@example.test")).toMatchObject({ kind: "test", invitedCompanyName: "Partner 2 LLC" });
    const mail = await (
      await db()
    )
      .select()
      .from(outbox)
      .where(
        inArray(
          outbox.contractId,
          rows.map((r) => r.id),
        ),
      );
    expect(mail.filter((m) => m.kind === "invitation")).toHaveLength(17);
  });

  it("uploading the same file again, or running a batch twice at once, creates nothing twice", async () => {
    const csv = twentyRows("b");
    const preview = await previewBulkInvite(await db(), issuer.viewer, { csv, ...shared() });
    const input = { csv, ...shared(), fileHash: preview.fileHash, from: 0, count: 10 };
    // A double click: the same batch twice at once.
    const [first, second] = await Promise.all([
      runBulkInviteBatch(await db(), issuer.viewer, input),
      runBulkInviteBatch(await db(), issuer.viewer, input),
    ]);
    const idsOf = (rs: typeof first) => rs.flatMap((r) => ("publicId" in r ? [r.publicId] : []));
    expect(idsOf(first)).toEqual(idsOf(second));
    const again = await runAll(csv, preview.fileHash, 20);
    expect(
      again
        .filter((r) => r.outcome === "existing")
        .map((r) => (r as { publicId: string }).publicId)
        .slice(0, 9),
    ).toEqual(idsOf(first));
    const made = await (
      await db()
    )
      .select({ id: contracts.id })
      .from(contracts)
      .where(
        inArray(
          contracts.signeeEmail,
          Array.from({ length: 20 }, (_, i) => `p${i + 1}-b@example.test`),
        ),
      );
    expect(made).toHaveLength(17);
  });

  it("says per row when the daily invitation quota refuses it", async () => {
    const small = await makeAccount();
    const ag = (await makeAgreement(small)).agreement.publicId;
    const { hitRateLimit } = await import("@/lib/security/rate-limit");
    const { invitesPerDay } = await import("@/lib/contracts/invitation-quota");
    for (let i = 0; i < invitesPerDay() - 2; i++) await hitRateLimit(await db(), `invitations:${small.account.id}`, invitesPerDay(), 86400);
    const csv = ["email,note,kind", "q1@example.test,Hi,test", "q2@example.test,Hi,test", "q3@example.test,Hi,test"].join("\n");
    const s = { agreementId: ag, linkExpiresOn: defaultExpiryDate(), sendReminders: false };
    const preview = await previewBulkInvite(await db(), small.viewer, { csv, ...s });
    expect(preview.invitesLeft).toBe(2);
    const results = await runBulkInviteBatch(await db(), small.viewer, { csv, ...s, fileHash: preview.fileHash, from: 0, count: 3 });
    expect(results.map((r) => r.outcome)).toEqual(["created", "created", "refused"]);
    expect((results[2] as { reason: string }).reason).toMatch(/limit of \d+ invitations a day/);
  });

  it("refuses hostile files and inputs with a clear message, writing nothing", async () => {
    const cases: [unknown, RegExp][] = [
      [{ csv: "", ...shared() }, /Choose a CSV file/],
      [{ csv: "just,some,columns\n1,2,3", ...shared() }, /missing: signee email, note to signee, kind/],
      [{ csv: "email,note,kind", ...shared() }, /no rows/],
      [{ csv: `email,note,kind\n${"a@b.test,n,test\n".repeat(1001)}`, ...shared() }, /at most 1000 can be invited/],
      [{ csv: 'email,note,kind\n"unterminated,n,test', ...shared() }, /not a readable CSV/],
      [{ csv: "email,note,kind\na@b.test,\u0000,test", ...shared() }, /NUL/],
      [{ csv: "email,note,kind\na@b.test,n,test", ...shared(), agreementId: "AGS-0000-0000" }, /Choose one of your service agreements/],
      [{ csv: "email,note,kind\na@b.test,n,test", ...shared(), linkExpiresOn: "2020-01-01" }, /./],
      [{ csv: "x".repeat(700_000), ...shared() }, /too large/],
      [null, /./],
    ];
    for (const [input, message] of cases) {
      const before = await fingerprint();
      let error: unknown;
      try {
        await previewBulkInvite(await db(), issuer.viewer, input);
      } catch (e) {
        error = e;
      }
      expect(isAppError(error), JSON.stringify(input)?.slice(0, 80)).toBe(true);
      const e = error as { message: string; fieldErrors?: Record<string, string> };
      expect(`${e.message} ${Object.values(e.fieldErrors ?? {}).join(" ")}`).toMatch(message);
      expect(await fingerprint()).toBe(before);
    }
    // Formula-looking cells and a duplicate email are rows with problems or plain text, never executed or merged.
    const csv =
      'email,note,kind,program\n"=HYPERLINK(""x"")",n,test,no\nsame@example.test,n,test,maybe\nsame@example.test,n,test,no\nc@example.test,Hi, there,test,no';
    const preview = await previewBulkInvite(await db(), issuer.viewer, { csv, ...shared() });
    expect(preview.rows.map((r) => r.problems.length > 0)).toEqual([true, true, true, true]);
    expect(preview.rows[3].problems[0]).toMatch(/more cells than the header/);
    expect(preview.rows[1].problems).toContain('Program: write yes or no (not "maybe").');
    expect(preview.rows[2].problems).toContain("Signee email: already on row 3 of this file.");
    // A batch whose file changed since the check is refused.
    await expect(
      runBulkInviteBatch(await db(), issuer.viewer, { csv: `${csv}\n`, ...shared(), fileHash: preview.fileHash, from: 0, count: 1 }),
    ).rejects.toMatchObject({ code: "stale" });
    // Another tenant cannot use this account's agreement.
    const other = await makeAccount();
    await expect(previewBulkInvite(await db(), other.viewer, { csv, ...shared() })).rejects.toMatchObject({ code: "not_found" });
    expect((await (await db()).select().from(contracts).where(eq(contracts.issuerAccountId, other.account.id))).length).toBe(0);
  });
});
