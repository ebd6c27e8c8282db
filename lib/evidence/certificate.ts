import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { col, queryRow, queryRows } from "@/db/query";
import type { ContractKind, Permissions } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { publicIdPattern } from "@/lib/ids";
import { formatCode, normalizeCode, signCertificate, type EvidenceDocument, type Json } from "./document";
import { permissionLines } from "@/lib/email/locale";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/server";
import { evidenceKey } from "./keys";
import { JSON_ATTACHMENT, renderCertificatePdf, TEXT_ATTACHMENT } from "./pdf";

/** Who asks: the issuer's staff (Partners) or the owning reseller's users (Reseller Portal). */
export type CertificateScope = "issuer" | "owner";

/** The certificate's fields, as listed in issue 20 (docs/notes/evidence.md). */
export type Certificate = {
  certificateCode: string;
  /** "activation": the contract's first signing; "new_version": a later version signed. */
  signing: "activation" | "new_version";
  contractId: string;
  kind: ContractKind;
  issuerAccount: { id: string; name: string };
  signee: { id: string; name: string; email: string };
  company: { id: string; name: string };
  agreementId: string;
  agreementName: string;
  versionNumber: number;
  versionSha256: string;
  /** Which text of the version was signed (issue 24): "default" (the version's own) or a language's text. */
  textLocale: string;
  permissionsGranted: Permissions;
  /** ISO 8601, UTC, to the microsecond PostgreSQL keeps. */
  signedAt: string;
  ip: string | null;
  userAgent: string | null;
  /** The events the signing rests on: the contract's creation, its activation, and the version signed. */
  events: { id: string; type: string; occurredAt: string; hash: string | null }[];
};

export type CertificateBundle = { document: EvidenceDocument; certificate: Certificate; versionText: string; contentKind: string };

const columns = {
  contractDbId: col.text,
  contractVersionId: col.text,
  code: col.text,
  first: col.bool,
  contractId: col.text,
  kind: col.oneOf<ContractKind>(),
  issuerId: col.text,
  issuerName: col.text,
  signeeId: col.text,
  signeeName: col.text,
  signeeEmail: col.text,
  companyId: col.textOrNull,
  companyName: col.textOrNull,
  agreementId: col.text,
  agreementName: col.text,
  versionNumber: col.int,
  versionSha256: col.text,
  textLocale: col.text,
  content: col.text,
  contentKind: col.text,
  permissions: col.json<Permissions>(),
  signedAt: col.text,
  ip: col.textOrNull,
  userAgent: col.textOrNull,
};

const eventColumns = { id: col.text, type: col.text, occurredAt: col.text, hash: col.textOrNull, version: col.textOrNull };
const utc = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/** The signings of one contract, scoped to the caller (others get none): one row per version signed. */
async function loadRows(db: DbOrTx, where: ReturnType<typeof sql>) {
  return queryRows(
    db,
    sql`select c.id as contract_db_id, cv.id as contract_version_id, cv.certificate_code as code,
        cv.signed_at = min(cv.signed_at) over (partition by cv.contract_id) as first,
        c.public_id as contract_id, c.kind, ia.public_id as issuer_id, ia.name as issuer_name,
        u.public_id as signee_id, u.full_name as signee_name, u.email as signee_email,
        oa.public_id as company_id, oa.name as company_name, a.public_id as agreement_id, a.name as agreement_name,
        av.number as version_number, cv.sha256 as version_sha256, cv.text_locale,
        coalesce(avt.content, av.content) as content, av.content_kind, c.permissions,
        ${utc("cv.signed_at")} as signed_at, cv.ip, cv.user_agent
      from contract_versions cv
      join contracts c on c.id = cv.contract_id
      join accounts ia on ia.id = c.issuer_account_id
      left join accounts oa on oa.id = c.owner_account_id
      join users u on u.id = cv.signed_by_user_id
      join agreement_versions av on av.id = cv.agreement_version_id
      join agreements a on a.id = av.agreement_id
      left join agreement_version_texts avt on avt.version_id = av.id and avt.locale = cv.text_locale
      where ${where}`,
    columns,
  );
}

type Row = Awaited<ReturnType<typeof loadRows>>[number];

async function build(db: DbOrTx, row: Row): Promise<CertificateBundle> {
  const events = await queryRows(
    db,
    sql`select id::text as id, type, ${utc("occurred_at")} as occurred_at, hash, data->>'version' as version
        from events where subject_id = ${row.contractDbId}
          and type in ('contract.created', 'contract.activated', 'contract.version_signed')
        order by chain_seq nulls last, id`,
    eventColumns,
  );
  const restsOn = events.filter(
    (e) =>
      e.type === "contract.created" ||
      e.type === "contract.activated" ||
      (e.type === "contract.version_signed" && Number(e.version) === row.versionNumber && !row.first),
  );
  const certificate: Certificate = {
    certificateCode: formatCode(row.code),
    signing: row.first ? "activation" : "new_version",
    contractId: row.contractId,
    kind: row.kind,
    issuerAccount: { id: row.issuerId, name: row.issuerName },
    signee: { id: row.signeeId, name: row.signeeName, email: row.signeeEmail },
    company: { id: row.companyId ?? "", name: row.companyName ?? "" },
    agreementId: row.agreementId,
    agreementName: row.agreementName,
    versionNumber: row.versionNumber,
    versionSha256: row.versionSha256,
    textLocale: row.textLocale,
    permissionsGranted: row.permissions,
    signedAt: row.signedAt,
    ip: row.ip,
    userAgent: row.userAgent,
    events: restsOn.map(({ id, type, occurredAt, hash }) => ({ id, type, occurredAt, hash })),
  };
  const document = signCertificate(certificate as unknown as Record<string, Json>, evidenceKey());
  return { document, certificate, versionText: row.content, contentKind: row.contentKind };
}

const notFound = () => new AppError("not_found", "This certificate does not exist, or it is not yours.");

/**
 * One certificate, for the issuer's staff or the owning reseller's users only: everybody else (another
 * tenant, a wrong code, a code of another contract) gets the same "not found".
 */
export async function getCertificate(
  db: DbOrTx,
  viewer: Viewer,
  contractPublicId: string,
  codeInput: string,
  scope: CertificateScope,
): Promise<CertificateBundle> {
  const code = normalizeCode(codeInput);
  if (!code || !publicIdPattern.contract.test(contractPublicId)) throw notFound();
  const owner = scope === "issuer" ? sql`c.issuer_account_id = ${viewer.accountId}` : sql`c.owner_account_id = ${viewer.accountId}`;
  // The window (first signing) must see every signing of the contract: filter the code outside it.
  const rows = await loadRows(db, sql`c.public_id = ${contractPublicId} and ${owner}`);
  const row = rows.find((r) => r.code === code);
  if (!row) throw notFound();
  return build(db, row);
}

/**
 * What the public Verify page may show for a code: only the certificate's signature as the database would
 * issue it today, and whether the contract's history chain is intact. Nothing about the parties.
 */
export async function certificateRecord(
  db: DbOrTx,
  codeInput: string,
): Promise<{ code: string; signature: string; contractDbId: string } | null> {
  const code = normalizeCode(codeInput);
  if (!code) return null;
  const found = await queryRow(db, sql`select contract_id::text as contract_id from contract_versions where certificate_code = ${code}`, {
    contractId: col.text,
  });
  if (!found) return null;
  const row = (await loadRows(db, sql`c.id = ${found.contractId}`)).find((r) => r.code === code);
  if (!row) return null;
  const { document } = await build(db, row);
  return { code: formatCode(code), signature: document.signature.value, contractDbId: row.contractDbId };
}

/** Download names: certificate-CRS-…-v2.json / .pdf */
export const certificateFileName = (c: Certificate, ext: "json" | "pdf") => `certificate-${c.contractId}-v${c.versionNumber}.${ext}`;

/**
 * The PDF of a certificate: the printed fields in the order, the code and the appendix, worded in
 * `locale` (the language of the request that downloads it). Only the printed words change with the language:
 * the signed document attached to the PDF is the same in every language.
 */
export async function certificatePdf(bundle: CertificateBundle, locale: Locale = DEFAULT_LOCALE): Promise<Uint8Array> {
  const c = bundle.certificate;
  const t = translatorFor(locale, "Certificate");
  const tc = translatorFor(locale, "Common");
  const granted = permissionLines(locale, c.permissionsGranted);
  const base = appUrl();
  const code = c.certificateCode;
  return renderCertificatePdf({
    document: bundle.document,
    versionText: bundle.versionText,
    words: {
      title: t("title"),
      docTitle: t("docTitle", { code }),
      docSubject: t("docSubject", { contract: c.contractId, agreement: c.agreementId, version: c.versionNumber }),
      subtitle: t("subtitle", { contract: c.contractId, signing: c.signing }),
      code: t("code", { code }),
      checkAt: t("checkAt", { url: `${base}/verify?c=${code}` }),
      offline: t("offline", { file: `<${t("thisFile")}>`, url: `${base}/.well-known/scp-evidence-key` }),
      signature: t("signature"),
      key: t("key", { keyId: bundle.document.signature.keyId }),
      attached: t("attached", { json: JSON_ATTACHMENT, text: TEXT_ATTACHMENT }),
      appendix: t("appendix", { agreement: c.agreementId, version: c.versionNumber }),
      page: (page, pages) => t("page", { code, page, pages }),
      textDescription: t("textDescription"),
      jsonDescription: t("jsonDescription"),
    },
    fields: [
      [t("field.contractId"), c.contractId],
      [t("field.kind"), tc(`kind.${c.kind}`)],
      [t("field.issuer"), `${c.issuerAccount.name} (${c.issuerAccount.id})`],
      [t("field.signee"), `${c.signee.name} <${c.signee.email}> (${c.signee.id})`],
      [t("field.company"), c.company.id ? `${c.company.name} (${c.company.id})` : "—"],
      [t("field.agreement"), `${c.agreementName} (${c.agreementId})`],
      [t("field.version"), t("version", { version: c.versionNumber, signing: c.signing })],
      [t("field.sha256"), c.versionSha256],
      [t("field.textLocale"), t("textLocale", { locale: c.textLocale })],
      [t("field.permissions"), granted.length ? granted.join("; ") : t("noPermissions")],
      [t("field.signedAt"), c.signedAt],
      [t("field.ip"), c.ip ?? t("notRecorded")],
      [t("field.userAgent"), c.userAgent ?? t("notRecorded")],
      [
        t("field.events"),
        c.events.map((e) => t("event", { id: e.id, type: e.type, at: e.occurredAt, hash: e.hash ?? t("noHash") })).join("\n") || "—",
      ],
    ],
  });
}
