export const STEPS = ["Review the contract", "Configure the user properties", "Configure the company properties", "Activate the contract"] as const;

/** The four steps of the manual, the current one marked for screen readers too. */
export function Stepper({ current, skipped }: { current: number; skipped?: number }) {
  return (
    <ol aria-label="Activation steps" className="mb-6 grid gap-2 sm:grid-cols-4">
      {STEPS.map((label, i) => {
        const n = i + 1;
        const state = n === current ? "current" : n < current ? "done" : "todo";
        const tone = { current: "border-brand-600 text-brand-700", done: "border-emerald-500 text-slate-700", todo: "border-slate-200 text-slate-500" }[state];
        return (
          <li key={label} aria-current={state === "current" ? "step" : undefined} className={`border-t-4 pt-2 text-sm ${tone}`}>
            <span className="block text-xs font-semibold uppercase tracking-wide">Step {n}</span>
            <span className="font-medium">{label}</span>
            {skipped === n ? <span className="block text-xs text-slate-500">Not needed: you are signed in</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
