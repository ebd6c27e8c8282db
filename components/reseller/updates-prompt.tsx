import { useTranslations } from "next-intl";
import Link from "next/link";
import type { OwnedContract } from "@/lib/reseller/list-owned-contracts";

/** Home's prompt: each contract whose distributor activated a newer agreement version to sign. */
export function UpdatesPrompt({ contracts }: { contracts: OwnedContract[] }) {
  const t = useTranslations("Reseller");
  const pending = contracts.filter((c) => c.updateVersion !== null);
  if (pending.length === 0) return null;
  return (
    <section
      aria-labelledby="updates-heading"
      className="mb-6 rounded-lg border border-brand-100 bg-brand-50 p-4 dark:border-blue-400/30 dark:bg-blue-400/10"
    >
      <h2 id="updates-heading" className="text-sm font-semibold text-brand-900 dark:text-blue-100">
        {t("updatesAvailable", { count: pending.length })}
      </h2>
      <ul className="mt-2 space-y-1 text-sm text-foreground">
        {pending.map((c) => (
          <li key={c.publicId}>
            {t("updateLine", {
              distributor: c.distributor.name,
              version: c.updateVersion ?? 0,
              agreement: c.agreement.name,
              signed: c.versionNumber,
            })}{" "}
            <Link href={`/reseller/contracts/${c.publicId}?tab=versions`} className="font-medium text-link underline">
              {t("reviewAndSignFor", { contract: c.publicId })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
