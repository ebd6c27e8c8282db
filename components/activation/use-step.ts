import { useActionState } from "react";
import type { StepState, StepAction } from "@/lib/activation/step-state";

/** A step form's wiring: the action's state, its errors, and the answers it echoed back on a refusal. */
export function useStep(action: StepAction, carried?: { error: string; fieldErrors: Record<string, string> }) {
  const [state, formAction, pending] = useActionState<StepState | null, FormData>(action, carried ? { ok: false, ...carried } : null);
  const failed = state && !state.ok ? state : undefined;
  return {
    formAction,
    pending,
    /** The form-level message, unless the fields say it themselves. */
    error: failed?.fieldErrors ? undefined : failed?.error,
    fieldErrors: failed?.fieldErrors ?? {},
    values: state?.values ?? {},
  };
}
