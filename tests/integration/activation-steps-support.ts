import { Children, isValidElement, type ReactElement, type ReactNode } from "react";
import ActivatePage from "@/app/activate/[token]/page";
import type { ActivationView } from "@/components/activation/types";
import { PROGRESS_COOKIE } from "@/lib/activation/progress-cookie";
import { CLIENT_IP_HEADER } from "@/lib/client-ip.mjs";
import type { StepAction, StepState } from "@/lib/activation/step-state";
import { request, RedirectSignal } from "@/tests/support/next";

let ip = 0;

/** A fresh client address, so one test's attempts never meet another's per-IP limit. */
export function newVisitor(): void {
  request.headers.set(CLIENT_IP_HEADER, `198.18.${Math.floor(++ip / 250)}.${ip % 250}`);
}

/** A step form as the browser posts it: the hidden token plus the visible fields. */
export function stepForm(token: string | null, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  if (token !== null) form.set("token", token);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

/** Runs a step action: where it moved on to (a redirect), or the state it answered with. */
export async function submit(action: StepAction, form: FormData): Promise<{ to?: string; state?: StepState }> {
  try {
    return { state: await action(null, form) };
  } catch (e) {
    if (e instanceof RedirectSignal) return { to: e.url };
    throw e;
  }
}

export function progressCookie(): string | undefined {
  return request.cookies.get(PROGRESS_COOKIE) || undefined;
}

/** Steps 1 to 3 for a new reseller through the real step actions, leaving the progress cookie set for Activate. */
export async function answerStepsAsNewUser(
  token: string,
  a: { email: string; fullName: string; password: string; companyName: string },
): Promise<void> {
  const { companyStepAction, reviewStepAction, userStepAction } = await import("@/app/activate/step-actions");
  const moves = [
    await submit(reviewStepAction, stepForm(token, { email: a.email, accepted: "on" })),
    await submit(userStepAction, stepForm(token, { fullName: a.fullName, password: a.password })),
    await submit(companyStepAction, stepForm(token, { companyChoice: "new", companyName: a.companyName })),
  ];
  const expected = ["user", "company", "activate"].map((s) => `/activate/${token}?step=${s}`);
  if (moves.some((m, i) => m.to !== expected[i])) throw new Error(`steps did not move on: ${JSON.stringify(moves)}`);
}

/** What the page shows for `?step=…` (and other query values), read from its props. */
export async function view(token: string, query: Record<string, string> = {}): Promise<ActivationView> {
  type Props = { view?: ActivationView; children?: ReactNode };
  const el = (await ActivatePage({ params: Promise.resolve({ token }), searchParams: Promise.resolve(query) })) as ReactElement<Props>;
  // The page is the opened beacon beside the activation page: read the one element that carries the view.
  const found = [el, ...Children.toArray(el.props.children)].find((c) => isValidElement<Props>(c) && c.props.view) as
    ReactElement<Props> | undefined;
  return found!.props.view!;
}
