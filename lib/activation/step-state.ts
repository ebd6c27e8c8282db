import type { ActionResult } from "@/lib/action-result";

/**
 * What a step form's action answers when it does not move on (moving on is a redirect to the next
 * step): the one ActionResult, plus the non-secret answers echoed back so the refused form keeps them.
 * With JavaScript off the page is rendered from this state; a password is never in it.
 */
export type StepState = ActionResult & { values?: Record<string, string> };

/** A step form's action, as the page hands it to the form (useActionState with a plain <form action>). */
export type StepAction = (previous: unknown, form: FormData) => Promise<StepState>;
