import { createFormControl } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { actionSubmitHandler, type ActionFormMemory } from "@/components/ui/action-form";
import type { ActionResult } from "@/lib/action-result";

// components/ui/action-form.ts, the one way a react-hook-form form reaches its server action, driven
// against a real react-hook-form control (no browser needed): what the user would see on the form.

type Values = { publicId: string; reason: string };

function setup(answer: (values: Values) => Promise<ActionResult<{ done: true }>>) {
  const form = createFormControl<Values>({ defaultValues: { publicId: "CRS-1", reason: "" } });
  form.register("reason"); // the only field with an input; publicId travels in the values alone
  const seen = { sent: [] as Values[], succeeded: [] as unknown[], refused: [] as Record<string, string>[] };
  const memory: ActionFormMemory = { current: { inFlight: false, serverFields: [] } };
  const action = async (values: Values) => (seen.sent.push(values), answer(values));
  const submit = () =>
    actionSubmitHandler(
      form,
      action,
      { onSuccess: (data) => void seen.succeeded.push(data), onRefusal: (f) => void seen.refused.push(f) },
      memory,
    )();
  // "root" is not a field name to react-hook-form's types, but getFieldState reads any path of the errors.
  const message = (name: "reason" | "publicId" | "root") => form.getFieldState(name as keyof Values).error?.message;
  return { form, seen, submit, message };
}

describe("actionSubmitHandler", () => {
  it("puts the refusal's message above the form and each field's message on its field", async () => {
    const { seen, submit, message } = setup(async () => ({
      ok: false,
      error: "Please correct the highlighted fields.",
      fieldErrors: { reason: "Give the reason for terminating.", _form: "whole input" },
    }));
    await submit();
    expect(message("root")).toBe("Please correct the highlighted fields.");
    expect(message("reason")).toBe("Give the reason for terminating.");
    expect(seen.refused).toEqual([{ reason: "Give the reason for terminating.", _form: "whole input" }]);
    expect(seen.succeeded).toEqual([]);
  });

  it("hands the data to onSuccess and leaves no message", async () => {
    const { form, seen, submit, message } = setup(async () => ({ ok: true, data: { done: true } }));
    form.setValue("reason", "Because");
    await submit();
    expect(seen.sent).toEqual([{ publicId: "CRS-1", reason: "Because" }]);
    expect(seen.succeeded).toEqual([{ done: true }]);
    expect(message("root")).toBeUndefined();
  });

  it("sends once when Submit is pressed twice before the first answer", async () => {
    let release: () => void = () => {};
    const { seen, submit } = setup(() => new Promise((resolve) => (release = () => resolve({ ok: true, data: { done: true } }))));
    const first = submit();
    const second = submit();
    await new Promise((r) => setTimeout(r, 10));
    release();
    await Promise.all([first, second]);
    expect(seen.sent).toHaveLength(1);
    expect(seen.succeeded).toHaveLength(1);
  });

  it("a message on a field without an input does not block the next submit", async () => {
    const answers: ActionResult<{ done: true }>[] = [
      { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { publicId: "Not found." } },
      { ok: true, data: { done: true } },
    ];
    const { seen, submit, message } = setup(async () => answers.shift()!);
    await submit();
    expect(message("publicId")).toBe("Not found.");
    await submit();
    expect(seen.sent).toHaveLength(2);
    expect(seen.succeeded).toEqual([{ done: true }]);
  });

  it("does nothing more when the action redirected (no answer comes back)", async () => {
    const { seen, submit, message } = setup(async () => undefined as never);
    await submit();
    expect(seen.sent).toHaveLength(1);
    expect([seen.succeeded, seen.refused, message("root")]).toEqual([[], [], undefined]);
  });
});
