import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import type { Viewer } from "@/lib/accounts/viewer";
import { failure, parseOrThrow, type ActionResult } from "@/lib/action-result";
import { formValues } from "@/lib/form-data";
import { requireActionViewer } from "@/lib/session";
import { requireChange } from "@/lib/accounts/roles";
import { AppError } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { errorKey } from "@/lib/message-keys";

export type ActionSpec<S extends z.ZodType, R> = {
  /** The form's own schema, from lib/<domain>/schemas (the domain function parses again for its other callers). */
  input: S;
  /**
   * Who may call it: throws AppError("forbidden"). Runs after the Origin and session checks and before
   * the input is read, so a caller without the permission learns nothing about its input.
   */
  authorize: (viewer: Viewer) => void;
  /** The domain call; tenant scoping and the transaction are its own. */
  run: (db: Db, viewer: Viewer, input: z.output<S>) => Promise<R>;
  /** After the commit, only on success: revalidate pages, wake the outbox. */
  after?: (result: R, input: z.output<S>) => void;
  /** Where the browser goes on success (the action then never returns ok). */
  redirectTo?: (result: R, input: z.output<S>) => string;
  /**
   * Read-only members are refused every action before `authorize` runs; only actions about the caller's
   * own session or profile (switch account, change own password, 2FA) set this.
   */
  allowReadOnly?: boolean;
  /** The form-level message for invalid input, where the form asks for something plainer. */
  invalidMessage?: string;
};

/** An action that redirects on success never answers ok to its form. */
type Redirecting<S extends z.ZodType, R> = ActionSpec<S, R> & Required<Pick<ActionSpec<S, R>, "redirectTo">>;

/** Any signed-in viewer; the domain function scopes everything to the caller's account (authorization in the query). */
export const anyViewer = (): void => {};

/**
 * The one way to write a server action: Origin and session (requireActionViewer), who may call it, the
 * schema, the domain call, then revalidate and redirect outside the try/catch so Next's redirect is never
 * caught. Every refusal is an ActionResult, never a throw; nothing is written before all checks pass.
 * The result is exported from an app/**\/actions.ts "use server" module.
 */
export function defineAction<S extends z.ZodType, R>(spec: Redirecting<S, R>): (input: unknown) => Promise<ActionResult<never>>;
export function defineAction<S extends z.ZodType, R>(spec: ActionSpec<S, R>): (input: unknown) => Promise<ActionResult<R>>;
export function defineAction<S extends z.ZodType, R>(spec: ActionSpec<S, R>): (input: unknown) => Promise<ActionResult<R>> {
  return async (input) => {
    let done: { result: R; input: z.output<S> };
    try {
      const viewer = await requireActionViewer();
      if (!spec.allowReadOnly) requireChange(viewer);
      // An account that requires two-factor sign-in: until it is set up, only own-profile actions answer.
      if (viewer.mustSetUpTwoFactor && !spec.allowReadOnly) throw new AppError("forbidden", errorKey("twoFactorRequired"));
      spec.authorize(viewer);
      const parsed = parseOrThrow(spec.input, formValues(input), spec.invalidMessage);
      done = { result: await spec.run(await getDb(), viewer, parsed), input: parsed };
    } catch (e) {
      // Field and form messages in the request's language (catalog keys from the schemas and AppErrors).
      return failure(e, await getLocale());
    }
    spec.after?.(done.result, done.input);
    if (spec.redirectTo) redirect(spec.redirectTo(done.result, done.input));
    return { ok: true, data: done.result };
  };
}

/** The same for a plain `<form action>` posted with useActionState (works without JavaScript). */
export function defineFormAction<S extends z.ZodType, R>(
  spec: Redirecting<S, R>,
): (previous: unknown, formData: FormData) => Promise<ActionResult<never>>;
export function defineFormAction<S extends z.ZodType, R>(
  spec: ActionSpec<S, R>,
): (previous: unknown, formData: FormData) => Promise<ActionResult<R>>;
export function defineFormAction<S extends z.ZodType, R>(
  spec: ActionSpec<S, R>,
): (previous: unknown, formData: FormData) => Promise<ActionResult<R>> {
  const action = defineAction(spec);
  return async (_previous, formData) => action(formData);
}
