import { o } from "./run-options";
import type { BenchData } from "./seed";
import { DIST_DIR } from "./server";
import { actionHeaders, actionId, submissionRate, submitOnce, type Submission } from "./submissions";

const PASSWORD = "a long bench reseller passphrase";

/** Ratio 6: the two submissions that matter (Activate and Create), as the browser posts them. */
export async function measureSubmissions(base: string, data: BenchData, cookie: string, notes: string[]) {
  const out = { activation: null as number | null, createContract: null as number | null };
  const createId = await actionId(DIST_DIR, "createContractAction", "partners/contracts/actions");
  if (createId) {
    const expires = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const create: Submission = {
      pagePath: () => "/partners/contracts/new",
      headers: actionHeaders(createId, cookie),
      args: () => [{ agreementId: data.agreementPublicId, kind: "production", program: false, delegate: true, noteToSignee: "Welcome aboard.", linkExpiresOn: expires }],
    };
    const once = await submitOnce(base, create, 0);
    if (once.ok) {
      const r = await submissionRate(base, create, { connections: o.connections, seconds: o.seconds * 2, first: 1 });
      notes.push(`Create Contract: ${r.good} of ${r.total} submissions answered without an HTTP error.`);
      out.createContract = r.perSecond;
    }
    else notes.push(`Create Contract submission refused, not measured: ${once.detail}`);
  } else notes.push("Create Contract action not found in the build: not available.");

  const activateId = await actionId(DIST_DIR, "activateAction", "activate/actions");
  if (activateId && data.tokens.length > 1) {
    const activate: Submission = {
      pagePath: (i) => `/activate/${data.tokens[i]}`,
      headers: actionHeaders(activateId),
      args: (i) => [data.tokens[i], { mode: "new", email: `bench-signer-${Date.now()}-${i}@reseller.test`, fullName: `Bench Signer ${i}`, password: PASSWORD, company: { kind: "new", name: `Bench Company ${i}` } }],
    };
    // Token 0 stays pending: it is the activation page that gets loaded. Token 1 checks the call works.
    const once = await submitOnce(base, activate, 1);
    if (once.ok) {
      const r = await submissionRate(base, activate, { connections: Math.min(o.connections, 8), seconds: o.seconds, amount: data.tokens.length - 2, first: 2 });
      notes.push(`Activate: ${r.good} of ${r.total} submissions answered without an HTTP error.`);
      out.activation = r.perSecond;
    }
    else notes.push(`activation submission refused, not measured: ${once.detail}`);
  } else notes.push("activation action not found in the build: not available.");
  return out;
}
