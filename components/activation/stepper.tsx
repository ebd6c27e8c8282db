export const STEPS = [
  "Review the contract",
  "Configure the user properties",
  "Configure the company properties",
  "Activate the contract",
] as const;

/**
 * The four steps of the manual, the current one marked for screen readers too. On a phone the list
 * folds into one line ("Step 2 of 4") with a progress bar; the full list stays for screen readers.
 */
export function Stepper({ current, skipped }: { current: number; skipped?: number }) {
  return (
    <div className="mb-6">
      <div aria-hidden="true" className="sm:hidden">
        <p className="text-sm">
          <span className="font-semibold text-foreground">
            Step {current} of {STEPS.length}
          </span>{" "}
          <span className="text-muted-foreground">· {STEPS[current - 1]}</span>
        </p>
        <div className="mt-2 h-1.5 rounded-full bg-muted">
          <div className="h-1.5 rounded-full bg-primary" style={{ width: `${(current / STEPS.length) * 100}%` }} />
        </div>
      </div>
      <ol aria-label="Activation steps" className="grid gap-2 max-sm:sr-only sm:grid-cols-4">
        {STEPS.map((label, i) => {
          const n = i + 1;
          const state = n === current ? "current" : n < current ? "done" : "todo";
          const tone = {
            current: "border-primary text-foreground",
            done: "border-emerald-600 text-muted-foreground",
            todo: "border-border text-muted-foreground",
          }[state];
          return (
            <li key={label} aria-current={state === "current" ? "step" : undefined} className={`border-t-4 pt-2 text-sm ${tone}`}>
              <span className="block text-xs font-semibold uppercase tracking-wide">
                Step {n}
                {state === "done" ? <span className="sr-only"> (done)</span> : null}
              </span>
              <span className="font-medium">{label}</span>
              {skipped === n ? <span className="block text-xs text-muted-foreground">Not needed: you are signed in</span> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
