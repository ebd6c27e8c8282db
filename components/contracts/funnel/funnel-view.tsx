import Link from "next/link";
import { Card } from "@/components/ui/layout";
import { cn } from "@/components/ui/cn";
import { funnelPeriods, type Funnel, type FunnelPeriod } from "@/lib/follow-up/funnel";

const pct = (n: number, of: number) => (of > 0 ? `${Math.round((n / of) * 1000) / 10}%` : "—");

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
  const stages = [
    { label: "Created", n: f.created, hint: "Contracts created in the period" },
    { label: "Emailed", n: f.emailed, hint: "With a signee email, so the invitation was emailed" },
    { label: "Opened", n: f.opened, hint: "A person's browser showed the activation page" },
    { label: "Activated", n: f.activated, hint: "Signed and activated" },
  ];
  return (
    <div className="space-y-4">
      <nav aria-label="Period" className="flex flex-wrap gap-2">
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
            {funnelPeriods[p]}
          </Link>
        ))}
      </nav>
      <Card>
        <h2 className="text-base font-semibold text-foreground">
          {funnelPeriods[f.period]}: {f.created} {f.created === 1 ? "contract" : "contracts"} created
        </h2>
        <ol className="mt-4 space-y-3" aria-label="Funnel">
          {stages.map((s, i) => {
            const width = f.created > 0 ? Math.max((s.n / f.created) * 100, s.n > 0 ? 1 : 0) : 0;
            return (
              <li key={s.label}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 text-sm">
                  <span className="font-medium text-foreground">{s.label}</span>
                  <span className="text-foreground">
                    <span className="font-semibold tabular-nums" data-testid={`funnel-${s.label.toLowerCase()}`}>
                      {s.n}
                    </span>{" "}
                    <span className="text-muted-foreground">
                      ({pct(s.n, f.created)} of created
                      {i > 1 ? `, ${pct(s.n, stages[i - 1].n)} of ${stages[i - 1].label.toLowerCase()}` : ""})
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
            <dt className="text-muted-foreground">Rejected</dt>
            <dd className="font-semibold text-foreground">
              {f.rejected} <span className="font-normal text-muted-foreground">({pct(f.rejected, f.created)})</span>
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Expired (link expired while pending)</dt>
            <dd className="font-semibold text-foreground">
              {f.expired} <span className="font-normal text-muted-foreground">({pct(f.expired, f.created)})</span>
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Median time from creation to activation</dt>
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
