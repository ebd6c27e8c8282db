import { useActionState, useRef, type BaseSyntheticEvent } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult, FormAction } from "@/lib/action-result";

type Form<TIn extends FieldValues, TOut> = Pick<UseFormReturn<TIn, unknown, TOut>, "handleSubmit" | "setError" | "clearErrors">;

export type ActionFormOptions<TOut, R> = {
  onSuccess?: (data: R, values: TOut) => void;
  /** After the refusal is on the form (the wizard goes back to the step of a refused field). */
  onRefusal?: (fieldErrors: Record<string, string>) => void;
};

/** What a form remembers between submissions (a React ref): whether one is in flight, which fields the server marked. */
export type ActionFormMemory = { current: { inFlight: boolean; serverFields: string[] } };

/**
 * The submit handler behind useActionForm, without React (so it is tested against a real form control):
 * one request at a time, the refusal's message as the form's root error, each field message on its field.
 * The fields the server marked are cleared before the next submit: react-hook-form would otherwise keep
 * a message on a field that has no input (a hidden id) and refuse every later submit without a word.
 */
export function actionSubmitHandler<TIn extends FieldValues, TOut, R>(
  form: Form<TIn, TOut>,
  action: (values: TOut) => Promise<ActionResult<R>>,
  options: ActionFormOptions<TOut, R>,
  memory: ActionFormMemory,
): (event?: BaseSyntheticEvent) => Promise<void> {
  const send = form.handleSubmit(async (values) => {
    // A second click before React disables the button must not send a second request.
    if (memory.current.inFlight) return;
    memory.current.inFlight = true;
    try {
      const result = await action(values);
      if (!result) return; // the action redirected; the router is already leaving this page
      if (result.ok) return options.onSuccess?.(result.data, values);
      const fields = Object.entries(result.fieldErrors ?? {}).filter(([name]) => name !== "_form");
      for (const [name, message] of fields) form.setError(name as Path<TIn>, { type: "server", message });
      memory.current.serverFields = fields.map(([name]) => name);
      form.setError("root", { type: "server", message: result.error });
      options.onRefusal?.(result.fieldErrors ?? {});
    } finally {
      memory.current.inFlight = false;
    }
  });
  return (event) => {
    form.clearErrors(memory.current.serverFields as Path<TIn>[]);
    memory.current.serverFields = [];
    return send(event);
  };
}

/**
 * Ties a react-hook-form form to a server action (passed in by the page): `<form onSubmit={submit}>`,
 * `formError` above the fields, field messages in `form.formState.errors` like the browser's own.
 */
export function useActionForm<TIn extends FieldValues, TOut, R>(
  form: UseFormReturn<TIn, unknown, TOut>,
  action: (values: TOut) => Promise<ActionResult<R>>,
  options: ActionFormOptions<TOut, R> = {},
) {
  const memory = useRef({ inFlight: false, serverFields: [] as string[] });
  // Built per submit event, so the handler sees this render's callbacks and reads the ref only then.
  const submit = (event?: BaseSyntheticEvent) => actionSubmitHandler(form, action, options, memory)(event);
  return { submit, formError: form.formState.errors.root?.message, submitting: form.formState.isSubmitting };
}

/**
 * The same for a plain `<form action={formAction}>` that works without JavaScript: the last answer's
 * message and field messages, read by name.
 */
export function useFormAction<R>(action: FormAction<R>) {
  const [state, formAction, pending] = useActionState<ActionResult<R> | null, FormData>(action, null);
  const refused = state && !state.ok ? state : undefined;
  return { formAction, pending, formError: refused?.error, fieldError: (name: string) => refused?.fieldErrors?.[name] };
}
