// SECURITY.md 21–22. On PostgreSQL these attempts really run at once (the pool is raised to 60 below),
// and the row lock plus the compare-and-set decide the winner: that is where the race is proven. PGlite
// serializes every transaction, so there the same scenarios only show the same final counts.
process.env.DATABASE_POOL_SIZE = "60";

import { describe, expect, it } from "vitest";
import { activateContract } from "@/lib/activation/activate-contract";
import { DELETED_LINK_MESSAGE, INVALID_LINK_MESSAGE, linkRefusal } from "@/lib/activation/link-refusal";
import { rejectContract } from "@/lib/activation/reject-contract";
import { deleteContract } from "@/lib/contracts/delete-contract";
import { regenerateLink } from "@/lib/contracts/regenerate-link";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { terminateContract } from "@/lib/contracts/terminate-contract";
import { AppError } from "@/lib/errors";
import { contractRow, distributorWithAgreement, eventsOf, requestFrom } from "@/tests/integration/activation-support";
import { db, tokenOf } from "@/tests/support/factories";
import { onPostgres } from "@/tests/support/setup-db";
import { activationFootprint, answersFor, creditTokenLimit, sleep } from "./concurrency-support";

const ALREADY_ACTIVE = linkRefusal("activated").message;
const ONE = { users: 1, companies: 1, resellerCompanies: 1, memberships: 1, evidence: 1, activatedEvents: 1, activationMails: 1 };
const NONE = { users: 0, companies: 0, resellerCompanies: 0, memberships: 0, evidence: 0, activatedEvents: 0, activationMails: 0 };

describe(`concurrency (${onPostgres ? "PostgreSQL: real races" : "PGlite: serialized, same outcome"})`, () => {
  it("50 activations of one link at once: one activation, user, company, membership, evidence row, event and email", async () => {
    const setup = await distributorWithAgreement();
    const c = await setup.issue();
    await creditTokenLimit(c.token, 50);
    // Every attempt brings its own email and company: no unique constraint could hide a second
    // activation, so only the compare-and-set on the contract can keep the counts at one.
    const tags = Array.from({ length: 50 }, (_, i) => `burst-${i}`);
    const d = await db();
    const results = await Promise.allSettled(tags.map((t) => activateContract(d, c.token, answersFor(t), requestFrom())));

    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const e of lost) {
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ code: "conflict", message: ALREADY_ACTIVE });
    }
    expect(await activationFootprint(tags, c.id)).toEqual(ONE);
    expect((await contractRow(c.id)).status).toBe("active");
    // All 50 were counted: the 51st attempt meets the production limit unchanged.
    await expect(activateContract(d, c.token, answersFor("late"), requestFrom())).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("activation racing deletion: exactly one wins; a deleted contract leaves no user or company", async () => {
    const setup = await distributorWithAgreement();
    const d = await db();
    for (let i = 0; i < 8; i++) {
      const c = await setup.issue();
      const tag = `delete-${i}`;
      // Staggered starts so that on PostgreSQL both orders happen across the rounds (argon2 runs first).
      const [activation, deletion] = await Promise.allSettled([
        activateContract(d, c.token, answersFor(tag), requestFrom()),
        sleep(i * 25).then(() => deleteContract(d, setup.issuer.viewer, { publicId: c.publicId })),
      ]);
      expect([activation.status, deletion.status].sort()).toEqual(["fulfilled", "rejected"]);
      const row = await contractRow(c.id);
      if (deletion.status === "fulfilled") {
        expect(row).toBeUndefined();
        // The loser is told the contract was deleted (its link's hash is kept), not that the link is invalid.
        expect(activation).toMatchObject({ reason: { code: "not_found", message: DELETED_LINK_MESSAGE } });
        expect(await activationFootprint([tag], c.id)).toEqual(NONE);
      } else {
        expect(row.status).toBe("active");
        expect(deletion).toMatchObject({ reason: { code: "stale" } });
        expect(await activationFootprint([tag], c.id)).toEqual(ONE);
      }
    }
  });

  it("activation racing regeneration: exactly one wins; after a regeneration the old link fails and the new one works", async () => {
    const setup = await distributorWithAgreement();
    const d = await db();
    for (let i = 0; i < 8; i++) {
      const c = await setup.issue();
      const tag = `regen-${i}`;
      const [activation, regeneration] = await Promise.allSettled([
        activateContract(d, c.token, answersFor(tag), requestFrom()),
        sleep(i * 25).then(() => regenerateLink(d, setup.issuer.viewer, { publicId: c.publicId, linkExpiresOn: defaultExpiryDate() })),
      ]);
      expect([activation.status, regeneration.status].sort()).toEqual(["fulfilled", "rejected"]);
      if (regeneration.status === "fulfilled") {
        expect(activation).toMatchObject({ reason: { code: "not_found", message: INVALID_LINK_MESSAGE } });
        expect(await activationFootprint([tag], c.id)).toEqual(NONE);
        await expect(activateContract(d, c.token, answersFor(`${tag}-old`), requestFrom())).rejects.toMatchObject({
          message: INVALID_LINK_MESSAGE,
        });
        await activateContract(d, tokenOf(regeneration.value.activationLink), answersFor(tag), requestFrom());
      } else {
        expect(regeneration).toMatchObject({ reason: { code: "stale" } });
      }
      expect((await contractRow(c.id)).status).toBe("active");
      expect(await activationFootprint([tag], c.id)).toEqual(ONE);
    }
  });

  it("activation racing rejection by another tab: exactly one wins; a rejected contract leaves no user or company", async () => {
    const setup = await distributorWithAgreement();
    const d = await db();
    for (let i = 0; i < 6; i++) {
      const c = await setup.issue();
      const tag = `reject-${i}`;
      const [activation, rejection] = await Promise.allSettled([
        activateContract(d, c.token, answersFor(tag), requestFrom()),
        sleep(i * 25).then(() => rejectContract(d, c.token, { reason: "Not for us." }, requestFrom())),
      ]);
      expect([activation.status, rejection.status].sort()).toEqual(["fulfilled", "rejected"]);
      const rejected = rejection.status === "fulfilled";
      expect((await contractRow(c.id)).status).toBe(rejected ? "rejected" : "active");
      expect(await activationFootprint([tag], c.id)).toEqual(rejected ? NONE : ONE);
      const loser = rejected ? activation : rejection;
      expect(loser).toMatchObject({ reason: { code: "conflict", message: linkRefusal(rejected ? "rejected" : "activated").message } });
    }
  });

  it("activation racing termination: a pending contract cannot be terminated, so it ends active, or terminated with its signature", async () => {
    const setup = await distributorWithAgreement();
    const d = await db();
    for (let i = 0; i < 6; i++) {
      const c = await setup.issue();
      const tag = `terminate-${i}`;
      const [activation, termination] = await Promise.allSettled([
        activateContract(d, c.token, answersFor(tag), requestFrom()),
        sleep(i * 25).then(() => terminateContract(d, setup.issuer.viewer, { publicId: c.publicId, reason: "Ended early" })),
      ]);
      expect(activation.status).toBe("fulfilled");
      const row = await contractRow(c.id);
      const terminated = termination.status === "fulfilled";
      if (!terminated) expect(termination).toMatchObject({ reason: { code: "stale" } });
      expect(row.status).toBe(terminated ? "terminated" : "active");
      expect(row.ownerAccountId).not.toBeNull();
      expect(await activationFootprint([tag], c.id)).toEqual(ONE);
      expect((await eventsOf(c.id)).filter((e) => e.type === "contract.terminated")).toHaveLength(terminated ? 1 : 0);
      if (terminated) {
        // Terminated before this tab's Activate landed: refused, and nothing is made for it.
        await expect(activateContract(d, c.token, answersFor(`${tag}-late`), requestFrom())).rejects.toMatchObject({
          message: linkRefusal("terminated").message,
        });
        expect(await activationFootprint([`${tag}-late`], c.id)).toMatchObject({ users: 0, companies: 0, memberships: 0 });
      }
    }
  });
});
