// SECURITY.md 21–22, agreement versions. Real races on PostgreSQL (the agreement row lock decides);
// PGlite serializes the same calls and must reach the same final state.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agreementVersions, contractVersions, events, outbox } from "@/db/schema";
import { activateContract } from "@/lib/activation/activate-contract";
import { activateAgreementVersion } from "@/lib/agreements/activate-agreement-version";
import { AppError } from "@/lib/errors";
import { contractRow, requestFrom } from "@/tests/integration/activation-support";
import { db, makeAccount, makeAgreement, makeContract, tokenOf } from "@/tests/support/factories";
import { onPostgres } from "@/tests/support/setup-db";
import { answersFor, sleep } from "./concurrency-support";

async function agreementWithThreeVersions() {
  const issuer = await makeAccount({ name: "Versions Distribution" });
  const { agreement } = await makeAgreement(issuer, { versions: 3, active: 1 });
  const versions = async () => (await db()).select().from(agreementVersions).where(eq(agreementVersions.agreementId, agreement.id));
  const activationEvents = async () =>
    (await (await db()).select().from(events).where(eq(events.subjectId, agreement.id))).filter(
      (e) => e.type === "agreement.version_activated",
    );
  return { issuer, agreement, versions, activationEvents };
}

describe(`version activations at once (${onPostgres ? "PostgreSQL: real races" : "PGlite: serialized, same outcome"})`, () => {
  it("the same version activated twice at once: one succeeds, the other is told it is already active", async () => {
    const { issuer, agreement, versions, activationEvents } = await agreementWithThreeVersions();
    const d = await db();
    const results = await Promise.allSettled(
      [1, 2].map(() => activateAgreementVersion(d, issuer.viewer, { agreementId: agreement.publicId, number: 2 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "conflict", message: "Version 2 is already the active version." });
    expect((await versions()).filter((v) => v.active).map((v) => v.number)).toEqual([2]);
    expect(await activationEvents()).toHaveLength(1);
  });

  it("two different versions activated at once: exactly one active version, one event per success", async () => {
    const { issuer, agreement, versions, activationEvents } = await agreementWithThreeVersions();
    const d = await db();
    const results = await Promise.allSettled(
      [2, 3].map((number) => activateAgreementVersion(d, issuer.viewer, { agreementId: agreement.publicId, number })),
    );
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict" });
    const active = (await versions()).filter((v) => v.active);
    expect(active).toHaveLength(1);
    const winners = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.number] : []));
    // The last one to commit holds: it names the winner before it as its "previous".
    expect(winners).toContain(active[0].number);
    expect(await activationEvents()).toHaveLength(winners.length);
  });

  it("a contract signs its own agreement's active version, never another distributor's", async () => {
    // Regression: the signed-version subquery once matched any agreement's active version.
    const other = await agreementWithThreeVersions();
    const mine = await agreementWithThreeVersions();
    await activateAgreementVersion(await db(), mine.issuer.viewer, { agreementId: mine.agreement.publicId, number: 3 });
    const c = await makeContract(mine.issuer, mine.agreement.publicId);
    await activateContract(await db(), tokenOf(c.activationLink), answersFor("own-version"), requestFrom());
    const v3 = (await mine.versions()).find((v) => v.number === 3)!;
    expect((await contractRow(c.id)).agreementVersionId).toBe(v3.id);
    expect((await other.versions()).some((v) => v.id === v3.id)).toBe(false);
  });

  it("a contract activated while a new version is activated signs one whole version, recorded as signed", async () => {
    const { issuer, agreement, versions } = await agreementWithThreeVersions();
    const d = await db();
    for (let i = 0; i < 4; i++) {
      const c = await makeContract(issuer, agreement.publicId);
      const number = (i % 3) + 1 === 1 ? 2 : (i % 3) + 1;
      await Promise.allSettled([
        activateContract(d, tokenOf(c.activationLink), answersFor(`version-${i}`), requestFrom()),
        sleep(i * 30).then(() => activateAgreementVersion(d, issuer.viewer, { agreementId: agreement.publicId, number })),
      ]);
      const row = await contractRow(c.id);
      expect(row.status).toBe("active");
      const evidence = await d.select().from(contractVersions).where(eq(contractVersions.contractId, c.id));
      expect(evidence).toHaveLength(1);
      const signed = (await versions()).find((v) => v.id === row.agreementVersionId)!;
      // The contract's version, its evidence row and the hash signed all name the same version.
      expect(evidence[0]).toMatchObject({ agreementVersionId: signed.id, sha256: signed.sha256 });
      const all = await versions();
      expect(all.filter((v) => v.active)).toHaveLength(1);
      // Signed an older version than the one now active: its signee must have been asked to sign the new one.
      const activeId = all.find((v) => v.active)!.id;
      if (row.agreementVersionId !== activeId) {
        const asked = await d
          .select()
          .from(outbox)
          .where(and(eq(outbox.contractId, c.id), eq(outbox.kind, "new_version")));
        expect(asked, `contract ${i} on an old version was never asked to sign the new one`).toHaveLength(1);
      }
    }
  });

  it("an activation that overlaps a version switch waits for it and signs the new version", async () => {
    const { issuer, agreement, versions } = await agreementWithThreeVersions();
    const c = await makeContract(issuer, agreement.publicId);
    const target = (await versions()).find((v) => v.number === 2)!;
    const d = await db();
    let activation: Promise<unknown> | undefined;
    // Hold what a version activation holds: the agreement's row lock, with the versions switched but not
    // yet committed. (On PGlite, whose transactions run one at a time, the activation simply runs after.)
    await d.transaction(async (tx) => {
      await tx.execute(sql`update agreements set updated_at = now() where id = ${agreement.id}`);
      await tx.update(agreementVersions).set({ active: false }).where(eq(agreementVersions.agreementId, agreement.id));
      await tx.update(agreementVersions).set({ active: true }).where(eq(agreementVersions.id, target.id));
      activation = activateContract(d, tokenOf(c.activationLink), answersFor("overlap"), requestFrom());
      activation.catch(() => {});
      await sleep(400); // on PostgreSQL the activation is now waiting for the agreement lock
    });
    await activation;
    // It signed the version the switch made active, not the one active when it started.
    expect((await contractRow(c.id)).agreementVersionId).toBe(target.id);
  });
});
