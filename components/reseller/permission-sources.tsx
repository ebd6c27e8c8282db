import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/components/ui/layout";
import type { PermissionSource } from "@/lib/reseller/list-owned-contracts";
import { localizeMessage } from "@/lib/message-keys";

/** What the account may do, and which active contract (from which distributor) granted it. */
export function PermissionSources({ sources }: { sources: PermissionSource[] }) {
  const t = useTranslations("Reseller");
  const locale = useLocale();
  return (
    <Card>
      <h2 className="text-base font-semibold text-foreground">{t("yourPermissions")}</h2>
      {sources.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground">{t("noPermissions")}</p>
      ) : (
        <ul className="mt-3 space-y-3 text-sm">
          {sources.map((s) => (
            <li key={s.label}>
              <p className="font-medium text-foreground">{localizeMessage(s.label, locale)}</p>
              <p className="text-muted-foreground">
                {s.contracts.length === 0
                  ? t("grantedToAccount")
                  : s.contracts.map((c, i) => (
                      <span key={c.publicId}>
                        {i > 0 ? "; " : null}
                        {t.rich(i > 0 ? "grantedByMore" : "grantedBy", {
                          distributor: c.distributor,
                          contract: () => (
                            <Link
                              href={`/reseller/contracts/${c.publicId}?tab=permissions`}
                              className="font-mono text-link hover:underline"
                            >
                              {c.publicId}
                            </Link>
                          ),
                        })}
                      </span>
                    ))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
