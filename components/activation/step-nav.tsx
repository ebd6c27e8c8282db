import { useTranslations } from "next-intl";
import Form from "next/form";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

/**
 * Going to another step is a GET of this link's page (`?step=…`): a real form, so Back, Reject and
 * Cancel work without JavaScript; next/form turns it into a client navigation when scripts run. It is
 * rendered outside the step's own form and its button points at it with the `form` attribute.
 */
export function StepNavForm({ id, token, step, extra }: { id: string; token: string; step: string; extra?: Record<string, string> }) {
  return (
    <Form id={id} action={`/activate/${token}`} className="hidden">
      <input type="hidden" name="step" value={step} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </Form>
  );
}

export function NavButton({
  form,
  children,
  variant = "secondary",
}: {
  form: string;
  children: ReactNode;
  variant?: "secondary" | "ghost";
}) {
  return (
    <button type="submit" form={form} formNoValidate className={buttonClass(variant)}>
      {children}
    </button>
  );
}

/** What a step's button says, and while its answer is being sent: Next checks the answers, Activate activates. */
const WORDS = { Next: ["next", "checking"], Activate: ["activate", "activating"] } as const;

/** Back (to the step before) and the step's own submit button, in the manual's order. */
export function StepButtons({ backForm, pending, label = "Next" }: { backForm: string; pending: boolean; label?: "Next" | "Activate" }) {
  const t = useTranslations("Activation");
  const [idle, busy] = WORDS[label];
  return (
    <div className="flex items-center justify-between gap-3">
      <NavButton form={backForm}>{t("back")}</NavButton>
      <button type="submit" className={buttonClass("primary")} disabled={pending}>
        {pending ? t(busy) : t(idle)}
      </button>
    </div>
  );
}
