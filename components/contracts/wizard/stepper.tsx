import { useTranslations } from "next-intl";

export const WIZARD_STEPS = ["type", "agreement", "parameters", "summary"] as const;

export function Stepper({ current }: { current: number }) {
  const t = useTranslations("Wizard");
  return (
    <nav aria-label={t("steps")} className="mb-6">
      <ol className="flex flex-wrap items-center gap-2 text-sm">
        {WIZARD_STEPS.map((name, i) => {
          const state = i < current ? "done" : i === current ? "current" : "todo";
          return (
            <li key={name} aria-current={state === "current" ? "step" : undefined} className="flex items-center gap-2">
              <span
                className={`flex h-7 w-7 items-center justify-center rounded-full text-xs font-semibold ${
                  state === "current"
                    ? "bg-primary text-primary-foreground"
                    : state === "done"
                      ? "bg-primary/15 text-link"
                      : "bg-muted text-muted-foreground"
                }`}
              >
                {state === "done" ? "✓" : i + 1}
              </span>
              <span className={state === "current" ? "font-semibold text-foreground" : "text-muted-foreground"}>{t(`step.${name}`)}</span>
              {i < WIZARD_STEPS.length - 1 ? <span aria-hidden className="mx-1 h-px w-8 bg-border" /> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
