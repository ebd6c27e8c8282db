import { useTranslations } from "next-intl";

/** The manual's four steps, by key (their words: "Activation.steps" in messages/<locale>/public.json). */
export const STEPS = ["review", "user", "company", "activate"] as const;

/**
 * The four steps of the manual, the current one marked for screen readers too. On a phone the list
 * folds into one line ("Step 2 of 4") with a progress bar; the full list stays for screen readers.
 */
export function Stepper({ current, skipped }: { current: number; skipped?: number }) {
  const t = useTranslations("Activation");
  return (
    <div className="mb-6">
      <div aria-hidden="true" className="sm:hidden">
        <p className="text-sm">
          <span className="font-semibold text-foreground">{t("stepOf", { current, total: STEPS.length })}</span>{" "}
          <span className="text-muted-foreground">· {t(`steps.${STEPS[current - 1]}`)}</span>
        </p>
        <div className="mt-2 h-1.5 rounded-full bg-muted">
          <div className="h-1.5 rounded-full bg-primary" style={{ width: `${(current / STEPS.length) * 100}%` }} />
        </div>
      </div>
      <ol aria-label={t("stepsLabel")} className="grid gap-2 max-sm:sr-only sm:grid-cols-4">
        {STEPS.map((key, i) => {
          const n = i + 1;
          const state = n === current ? "current" : n < current ? "done" : "todo";
          const tone = {
            current: "border-primary text-foreground",
            done: "border-emerald-600 text-muted-foreground",
            todo: "border-border text-muted-foreground",
          }[state];
          return (
            <li key={key} aria-current={state === "current" ? "step" : undefined} className={`min-w-0 border-t-4 pt-2 text-sm ${tone}`}>
              <span className="block text-xs font-semibold uppercase tracking-wide">
                {t("stepN", { number: n })}
                {state === "done" ? <span className="sr-only"> {t("stepDone")}</span> : null}
              </span>
              <span className="font-medium break-words">{t(`steps.${key}`)}</span>
              {skipped === n ? <span className="block text-xs text-muted-foreground">{t("skippedSignedIn")}</span> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
