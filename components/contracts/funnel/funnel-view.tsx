import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/layout";
import { cn } from "@/components/ui/cn";
import { funnelPeriods, type Funnel, type FunnelPeriod } from "@/lib/follow-up/funnel";

/** A share as the reader's language writes it: 12.5%, 12,5 %, 12,5%. */
function percent(locale: string) {
  const f = new Intl.NumberFormat(locale === "en" ? "en-US" : locale, { style: "percent", maximumFractionDigits: 1 });
  return (n: number, of: number) => (of > 0 ? f.format(Math.round((n / of) * 1000) / 1000) : "—");
}

/** 3 d 4 h, 5 h 20 min, 12 min. */
export function formatDuration(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/**
 * The Contracts tab's funnel: created → emailed → opened → activated as bars (plain CSS widths, no chart
 * library), each with its count, its share of created and its conversion from the stage before; then
 * rejected, expired and the median time to activation.
 */
export function FunnelView({ funnel: f }: { funnel: Funnel }) {
  const t = useTranslations("Funnel");
  const pct = percent(useLocale());
  const stages = (["created", "emailed", "opened", "activated"] as const).map((key) => ({
    key,
    label: t(`stage.${key}`),
    n: f[key],
    hint: t(`hint.${key}`),
  }));
  return (
    <div className="space-y-4">
      <nav aria-label={t("period")} className="flex flex-wrap gap-2">
        {(Object.keys(funnelPeriods) as FunnelPeriod[]).map((p) => (
          <Link
            key={p}
            href={`/partners/contracts/funnel?period=${p}`}
            aria-current={p === f.period ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-sm",
              p === f.period ? "border-primary bg-primary text-primary-foreground" : "border-border text-foreground hover:bg-muted",
            )}
          >
            {t(`periods.${p}`)}
          </Link>
        ))}
      </nav>
      <Card>
        <h2 className="text-base font-semibold text-foreground">{t("heading", { period: t(`periods.${f.period}`), count: f.created })}</h2>
        <ol className="mt-4 space-y-3" aria-label={t("funnel")}>
          {stages.map((s, i) => {
            const width = f.created > 0 ? Math.max((s.n / f.created) * 100, s.n > 0 ? 1 : 0) : 0;
            return (
              <li key={s.key}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 text-sm">
                  <span className="font-medium text-foreground">{s.label}</span>
                  <span className="text-foreground">
                    <span className="font-semibold tabular-nums" data-testid={`funnel-${s.key}`}>
                      {s.n}
                    </span>{" "}
                    <span className="text-muted-foreground">
                      ({t("ofCreated", { pct: pct(s.n, f.created) })}
                      {i > 1 ? `, ${t(`ofStage.${stages[i - 1].key}`, { pct: pct(s.n, stages[i - 1].n) })}` : ""})
                    </span>
                  </span>
                </div>
                <div className="mt-1 h-3 w-full rounded bg-muted" aria-hidden="true">
                  <div className="h-3 rounded bg-primary" style={{ width: `${width}%` }} />
                </div>
                <p className="mt-0.5 text-xs text-muted-foreground">{s.hint}</p>
              </li>
            );
          })}
        </ol>
        <dl className="mt-5 grid gap-4 border-t border-border pt-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-muted-foreground">{t("rejected")}</dt>
            <dd className="font-semibold text-foreground">
              {f.rejected} <span className="font-normal text-muted-foreground">({pct(f.rejected, f.created)})</span>
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">{t("expired")}</dt>
            <dd className="font-semibold text-foreground">
              {f.expired} <span className="font-normal text-muted-foreground">({pct(f.expired, f.created)})</span>
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">{t("median")}</dt>
            <dd className="font-semibold text-foreground">
              {/* "≈": read from the daily rollup's histogram (lib/follow-up/funnel.ts), within 4.5 %. */}
              {f.medianToActivationMs === null ? "—" : `${f.medianIsApproximate ? "≈ " : ""}${formatDuration(f.medianToActivationMs)}`}
            </dd>
          </div>
        </dl>
      </Card>
    </div>
  );
}
