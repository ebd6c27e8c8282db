import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agreements, agreementVersions } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { assertMayCreateContracts } from "@/lib/contracts/contract-transition";
import { createContract, findByCreationKey } from "@/lib/contracts/create-contract";
import { invitesPerDay } from "@/lib/contracts/invitation-quota";
import { contractParametersSchema, type ContractParameters } from "@/lib/contracts/schemas";
import { AppError, isAppError } from "@/lib/errors";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { getLocale, translatorFor } from "@/lib/i18n/server";
import { hasNoNul } from "@/lib/no-nul";
import { contractPermissions, ungrantable } from "@/lib/permissions";
import { peekRateLimit } from "@/lib/security/rate-limit";
import { sha256Hex } from "@/lib/security/tokens";
import { parseBulkCsv, type BulkRecord } from "./parse-csv";
import { bulkInviteBatchSchema, bulkInviteSchema } from "./schemas";

export type BulkRowCheck = {
  row: number;
  signeeEmail: string;
  companyName: string;
  kind: string;
  problems: string[];
};

export type BulkPreview = {
  fileHash: string;
  agreementName: string;
  rows: BulkRowCheck[];
  valid: number;
  /** Invitations the account may still send today (SCP_INVITES_PER_DAY); rows past it will be refused. */
  invitesLeft: number;
};

export type BulkRowResult = { row: number; signeeEmail: string } & (
  { outcome: "created" | "existing"; publicId: string } | { outcome: "refused" | "skipped"; reason: string }
);

const yes = new Set(["yes", "y", "true", "1", "x"]);
const no = new Set(["no", "n", "false", "0", ""]);

/** The same contract parameters as the wizard, from one CSV row, or the row's problems in words. */
function checkRecord(
  r: BulkRecord,
  shared: { agreementId: string; linkExpiresOn: string; sendReminders: boolean },
  viewer: Viewer,
  locale: Locale,
): { problems: string[]; input?: ContractParameters & { invitedCompanyName?: string } } {
  const t = translatorFor(locale, "BulkInvite");
  const problems: string[] = [];
  if (r.extraCells) problems.push(t("problem.extraCells"));
  const flag = (col: "program" | "delegate") => {
    const v = r[col].toLowerCase();
    if (yes.has(v)) return true;
    if (!no.has(v)) problems.push(t(`problem.${col}YesNo`, { value: r[col].slice(0, 20) }));
    return false;
  };
  const program = flag("program");
  const delegate = flag("delegate");
  if (!r.signeeEmail) problems.push(t("problem.noEmail"));
  const company = r.companyName;
  if (company && (company.length < 2 || company.length > 200 || !hasNoNul(company))) problems.push(t("problem.companyName"));
  // Issue 24: the row's language, else the uploader's; a value we do not know is the row's problem.
  const language = r.language.trim();
  const signeeLocale = language ? LOCALES.find((l) => l.toLowerCase() === language.toLowerCase().replace("_", "-")) : locale;
  if (!signeeLocale) problems.push(t("problem.language", { value: language.slice(0, 20), languages: LOCALES.join(", ") }));
  const input = {
    agreementId: shared.agreementId,
    linkExpiresOn: shared.linkExpiresOn,
    sendReminders: shared.sendReminders,
    kind: r.kind.toLowerCase() as "test" | "production",
    noteToSignee: r.noteToSignee,
    signeeEmail: r.signeeEmail,
    program,
    delegate,
    signeeLocale: signeeLocale ?? locale,
  };
  // The wizard's own schema, so a row is refused exactly where the wizard would refuse it.
  const parsed = contractParametersSchema.safeParse(input);
  if (!parsed.success) {
    const labels: Record<string, string> = {
      signeeEmail: t("column.signeeEmail"),
      noteToSignee: t("column.noteToSignee"),
      kind: t("column.kind"),
    };
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (field === "signeeEmail" && !r.signeeEmail) continue; // already said
      if (field === "signeeLocale") continue; // already said
      problems.push(`${labels[field] ?? cap(field)}: ${field === "kind" ? t("problem.kind") : issue.message}`);
    }
  }
  const refused = ungrantable(contractPermissions({ program, delegate }), viewer.permissions);
  for (const box of refused)
    problems.push(t("problem.cannotGrant", { box: box === "program" ? t("column.program") : t("column.delegate") }));
  if (problems.length) return { problems };
  return { problems, input: { ...input, invitedCompanyName: company || undefined } };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function checkAll(records: BulkRecord[], shared: Parameters<typeof checkRecord>[1], viewer: Viewer, locale: Locale) {
  const t = translatorFor(locale, "BulkInvite");
  const firstRowOf = new Map<string, number>();
  return records.map((r) => {
    const check = checkRecord(r, shared, viewer, locale);
    const email = r.signeeEmail.toLowerCase();
    const earlier = email ? firstRowOf.get(email) : undefined;
    if (earlier !== undefined) {
      check.problems.push(t("problem.duplicate", { row: earlier }));
      check.input = undefined;
    } else if (email) firstRowOf.set(email, r.row);
    return { record: r, ...check };
  });
}

async function agreementName(db: Db, viewer: Viewer, agreementId: string): Promise<string> {
  const [a] = await db
    .select({ name: agreements.name })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.active, true)))
    .where(and(eq(agreements.publicId, agreementId), eq(agreements.ownerAccountId, viewer.accountId), eq(agreements.type, "service")))
    .limit(1);
  if (!a)
    throw new AppError("not_found", errorKey("serviceAgreementRequired"), {
      agreementId: errorKey("serviceAgreementRequired"),
    });
  return a.name;
}

/** The idempotency key of one row of one file: uploading the file again, or a double click, finds the same contract. */
export function bulkCreationKey(fileHash: string, row: number): string {
  return `bulk-${sha256Hex(`${fileHash}:${row}`).slice(0, 40)}`;
}

/** Invite in bulk, step 1: reads and checks every row, creating nothing. */
export async function previewBulkInvite(db: Db, viewer: Viewer, input: unknown): Promise<BulkPreview> {
  assertMayCreateContracts(viewer);
  const { csv, ...shared } = parseOrThrow(bulkInviteSchema, input);
  const name = await agreementName(db, viewer, shared.agreementId);
  const checked = checkAll(parseBulkCsv(csv), shared, viewer, await getLocale());
  const used = await peekRateLimit(db, `invitations:${viewer.accountId}`);
  return {
    fileHash: sha256Hex(csv),
    agreementName: name,
    rows: checked.map(({ record, problems }) => ({
      row: record.row,
      signeeEmail: record.signeeEmail.slice(0, 254),
      companyName: record.companyName.slice(0, 200),
      kind: record.kind.slice(0, 20),
      problems,
    })),
    valid: checked.filter((c) => c.input).length,
    invitesLeft: Math.max(0, invitesPerDay() - used),
  };
}

/**
 * Invite in bulk, step 2, one batch: creates the contracts of rows [from, from + count) that pass the
 * checks, each through createContract (its own transaction, invitation and quota) with a key derived from
 * the file's hash and the row number, so a second upload of the same file or a repeated batch returns
 * the contracts already made. A row refused (the daily quota, an agreement gone) says why; the others go on.
 */
export async function runBulkInviteBatch(db: Db, viewer: Viewer, input: unknown): Promise<BulkRowResult[]> {
  assertMayCreateContracts(viewer);
  const { csv, fileHash, from, count, ...shared } = parseOrThrow(bulkInviteBatchSchema, input);
  if (sha256Hex(csv) !== fileHash) throw new AppError("stale", errorKey("csvChanged"));
  await agreementName(db, viewer, shared.agreementId); // another tenant's or an unknown agreement: refused as a whole
  const checked = checkAll(parseBulkCsv(csv), shared, viewer, await getLocale()).slice(from, from + count);
  const results: BulkRowResult[] = [];
  for (const { record, problems, input: params } of checked) {
    const base = { row: record.row, signeeEmail: record.signeeEmail.slice(0, 254) };
    if (!params) {
      results.push({ ...base, outcome: "skipped", reason: problems.join(" ") });
      continue;
    }
    const creationKey = bulkCreationKey(fileHash, record.row);
    const earlier = await findByCreationKey(db, viewer.accountId, creationKey);
    if (earlier) {
      results.push({ ...base, outcome: "existing", publicId: earlier.publicId });
      continue;
    }
    try {
      const c = await createContract(db, viewer, { ...params, creationKey });
      results.push({ ...base, outcome: "created", publicId: c.publicId });
    } catch (e) {
      if (!isAppError(e)) throw e;
      results.push({ ...base, outcome: "refused", reason: e.message });
    }
  }
  return results;
}
