import { BrandMark } from "@/components/auth/brand-mark";
import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { IntlIsland } from "@/components/intl-island";
import { getT } from "@/lib/i18n/server";
import { VerifyForm } from "@/components/evidence/verify-form";
import { getDb } from "@/db/client";
import { normalizeCode } from "@/lib/evidence/document";
import { publishedKeys } from "@/lib/evidence/keys";
import { lookUpCode } from "@/lib/evidence/verify-upload";
import { Notice } from "@/components/ui/notice";
import { verifyEvidenceAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("Verify"))("title") };
}
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ c?: string | string[] }> };

/**
 * Public: anybody holding a certificate of acceptance checks it here. A code (printed on the PDF) shows only
 * that the certificate exists, its signature as the database would issue it today and whether its contract's
 * history is intact: nothing about the parties, which only the file's holder has.
 */
export default async function VerifyPage({ searchParams }: Props) {
  const { c } = await searchParams;
  const raw = typeof c === "string" ? c : "";
  const code = raw ? normalizeCode(raw) : null;
  const found = code ? await lookUpCode(await getDb(), code) : null;
  const keys = publishedKeys();
  const t = await getT("Verify");
  return (
    <main data-themed className="min-h-screen bg-background px-4 py-10 text-foreground">
      <div className="mx-auto w-full max-w-2xl space-y-6">
        <BrandMark />
        <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="text-sm text-muted-foreground">{t("intro")}</p>
        {raw ? (
          found ? (
            <Notice tone={found.historyIntact ? "info" : "warning"}>
              <p className="font-semibold">{t("onRecord", { code: found.code })}</p>
              <SignatureToday signature={found.signature} />
              <p className="mt-1">{found.historyIntact ? t("historyIntact") : t("historyBroken")}</p>
            </Notice>
          ) : (
            <Notice tone="warning">{t("noCode", { code: raw.slice(0, 40) })}</Notice>
          )
        ) : null}
        <section aria-labelledby="verify-file" className="rounded-xl border border-border bg-card p-6 shadow-sm">
          <h2 id="verify-file" className="mb-4 text-lg font-semibold">
            {t("checkFile")}
          </h2>
          <IntlIsland namespaces={["Verify"]}>
            <VerifyForm action={verifyEvidenceAction} />
          </IntlIsland>
        </section>
        <section aria-labelledby="public-key" className="space-y-2 rounded-xl border border-border bg-card p-6 text-sm shadow-sm">
          <h2 id="public-key" className="text-lg font-semibold">
            {t("publicKey")}
          </h2>
          <dl className="grid gap-1 sm:grid-cols-[8rem_1fr]">
            <dt className="text-muted-foreground">{t("keyId")}</dt>
            <dd className="break-all font-mono text-xs">{keys.current.keyId}</dd>
            <dt className="text-muted-foreground">Ed25519 (base64)</dt>
            <dd className="break-all font-mono text-xs" data-testid="public-key">
              {keys.current.publicKey}
            </dd>
          </dl>
          {keys.previous.length > 0 ? (
            <p className="text-muted-foreground">{t("alsoTrusted", { keys: keys.previous.map((k) => k.keyId).join(", ") })}</p>
          ) : null}
          <AlsoAt publicKey={keys.current.publicKey} />
        </section>
      </div>
    </main>
  );
}

/** Rich lines (sync components, so they can use next-intl's t.rich). */
function SignatureToday({ signature }: { signature: string }) {
  const t = useTranslations("Verify");
  return (
    <p className="mt-1 break-all">{t.rich("signatureToday", { signature, code: (chunks) => <code className="text-xs">{chunks}</code> })}</p>
  );
}

function AlsoAt({ publicKey }: { publicKey: string }) {
  const t = useTranslations("Verify");
  return (
    <p className="text-muted-foreground">
      {t.rich("alsoAt", {
        path: "/.well-known/scp-evidence-key",
        command: `npm run verify-evidence certificate.pdf -- --key ${publicKey}`,
        link: (chunks) => (
          <a className="text-link underline" href="/.well-known/scp-evidence-key">
            {chunks}
          </a>
        ),
        code: (chunks) => <code className="break-all text-xs">{chunks}</code>,
      })}
    </p>
  );
}
