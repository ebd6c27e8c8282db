// docs/security-requirements.md 36: a new company may not take a name that folds to an existing account's name (case,
// spacing, punctuation, compatibility forms, accents and look-alike letters), so a reseller cannot pass
// itself off as its distributor.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activateAction } from "@/app/activate/actions";
import { companyStepAction } from "@/app/activate/step-actions";
import { activateContract } from "@/lib/activation/activate-contract";
import { LOOK_ALIKE_NAME, NAME_WITHOUT_LETTERS } from "@/lib/accounts/company-name";
import { rowsOf } from "@/db/query";
import { db, makeAccount } from "@/tests/support/factories";
import { resetRequest } from "@/tests/support/next";
import { onPostgres } from "@/tests/support/setup-db";
import { contractRow, distributorWithAgreement, NEW_PASSWORD, requestFrom, tableCounts } from "./activation-support";
import { answerStepsAsNewUser, stepForm, submit, view } from "./activation-steps-support";

async function key(name: string): Promise<string> {
  return rowsOf<{ k: string }>(await (await db()).execute(sql`select company_name_key(${name}) as k`))[0].k;
}

const DISTRIBUTOR = "Northwind Test GmbH"; // distributorWithAgreement's account
const LOOK_ALIKES = [
  "northwind test gmbh", // case
  "Northwind  Test, GmbH.", // spacing and punctuation
  "North-wind Test G.m.b.H", // punctuation inside words
  "Ｎｏｒｔｈｗｉｎｄ Ｔｅｓｔ ＧｍｂＨ", // full-width (NFKC/NFKD)
  "Nоrthwіnd Tеst GmbH", // Cyrillic о, і, е
  "ΝORTHWΙΝD TEST GMBH", // Greek capitals Ν, Ι
  "Nörthwínd Test GmbH", // accents
  "Northwind Test Gmb\u0048\u202E", // a bidi override
  "North\u200Bwind Test GmbH", // a zero-width space
  "Northw1nd Test GmbH", // 1 for i
  "Northwind Test GrnbH", // rn for m
];

describe("company_name_key: what counts as the same name", () => {
  it("folds case, spacing, punctuation, compatibility forms, accents, bidi and zero-width characters and look-alike letters", async () => {
    const target = await key(DISTRIBUTOR);
    for (const name of LOOK_ALIKES) expect(await key(name), name).toBe(target);
  });

  it("keeps different names apart, in every script", async () => {
    const distinct = [
      DISTRIBUTOR,
      "Northwind Trading GmbH",
      "Southwind Test GmbH",
      "Northwind Test AG",
      "株式会社ノースウィンド",
      "株式会社サウスウィンド",
      "Μύλος ΑΕ",
      "Λύκος ΑΕ",
      "ООО Ромашка",
      "ООО Василёк",
    ];
    const keys = await Promise.all(distinct.map(key));
    expect(new Set(keys).size).toBe(distinct.length);
    expect(await key("ООО РОМАШКА")).toBe(await key("ооо ромашка")); // case in Cyrillic too
    expect(await key("ΜΕΛΙ ΑΕ")).toBe(await key("μελι αε")); // and in Greek
  });
});

describe("activation refuses a new company named like an existing account", () => {
  let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;
  beforeAll(async () => {
    setup = await distributorWithAgreement();
  });
  const signer = (n: number) => ({
    kind: "new" as const,
    email: `lookalike-${n}@example.test`,
    fullName: "Mallory Mimic",
    password: NEW_PASSWORD,
  });

  it("the distributor's own name, any look-alike of it, or another reseller's name: refused with a clear message, nothing written", async () => {
    const other = await makeAccount({ role: "reseller", name: "Existing Reseller LLC" });
    const c = await setup.issue();
    const before = await tableCounts();
    for (const [i, name] of [DISTRIBUTOR, "Nоrthwіnd  Tеst, GmbH", "ΝORTHWΙΝD TEST GMBH", "existing reseller, llc"].entries()) {
      await expect(
        activateContract(await db(), c.token, { signer: signer(i), company: { kind: "new", name } }, requestFrom()),
      ).rejects.toMatchObject({
        code: "conflict",
        fieldErrors: { name: LOOK_ALIKE_NAME },
      });
    }
    expect({ ...(await tableCounts()), rate_limits: 0 }).toEqual({ ...before, rate_limits: 0 });
    expect((await contractRow(c.id)).status).toBe("pending");
    expect(other.account.name).toBe("Existing Reseller LLC");
  });

  it("the company step says so at once; a name taken before Activate reopens that step with the message", async () => {
    const c = await setup.issue();
    resetRequest();
    await answerStepsAsNewUser(c.token, {
      email: "mimic@example.test",
      fullName: "Mallory Mimic",
      password: NEW_PASSWORD,
      companyName: "Mimic Fresh Trading GmbH",
    });
    const early = await submit(companyStepAction, stepForm(c.token, { companyChoice: "new", companyName: "NORTHWIND TEST GMBH" }));
    expect(early.state).toMatchObject({ ok: false, error: LOOK_ALIKE_NAME, fieldErrors: { companyName: LOOK_ALIKE_NAME } });
    expect((await submit(companyStepAction, stepForm(c.token, { companyChoice: "new", companyName: "Mimic Fresh Trading GmbH" }))).to).toBe(
      `/activate/${c.token}?step=activate`,
    );
    await makeAccount({ role: "reseller", name: "MIMIC FRESH TRADING, GMBH" }); // someone else took it meanwhile
    expect((await submit(activateAction, stepForm(c.token))).to).toBe(`/activate/${c.token}?step=company`);
    const shown = await view(c.token);
    expect(shown.step).toBe("company");
    expect(shown.progress?.carried).toMatchObject({ error: LOOK_ALIKE_NAME, fieldErrors: { companyName: LOOK_ALIKE_NAME } });
    expect((await contractRow(c.id)).status).toBe("pending");
  });

  it("a name without letters or digits is refused; a distinct name is accepted", async () => {
    const c = await setup.issue();
    await expect(
      activateContract(await db(), c.token, { signer: signer(10), company: { kind: "new", name: "-- ..." } }, requestFrom()),
    ).rejects.toMatchObject({ fieldErrors: { name: NAME_WITHOUT_LETTERS } });
    await activateContract(
      await db(),
      c.token,
      { signer: signer(11), company: { kind: "new", name: "Southwind Trading GmbH" } },
      requestFrom(),
    );
    expect((await contractRow(c.id)).status).toBe("active");
  });

  it(`two activations at once with look-alike names: only one company gets the name (${onPostgres ? "PostgreSQL: real race" : "PGlite: serialized"})`, async () => {
    const [a, b] = [await setup.issue(), await setup.issue()];
    const [x, y] = [await makeAccount({ role: "reseller" }), await makeAccount({ role: "reseller" })];
    const d = await db();
    const results = await Promise.allSettled([
      activateContract(
        d,
        a.token,
        { signer: { kind: "viewer", userId: x.user.id }, company: { kind: "new", name: "Racing Twin Ltd" } },
        requestFrom(),
      ),
      activateContract(
        d,
        b.token,
        { signer: { kind: "viewer", userId: y.user.id }, company: { kind: "new", name: "RACING  TWlN, LTD." } },
        requestFrom(),
      ),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { fieldErrors: { name: LOOK_ALIKE_NAME } } });
  });
});
