"use client";

import type { ComponentProps } from "react";

/**
 * A filter select that applies itself when changed. It is a plain field of its GET form, so without
 * JavaScript the form's own button still applies it.
 */
export function SubmitOnChangeSelect(props: ComponentProps<"select">) {
  return <select {...props} onChange={(e) => e.currentTarget.form?.requestSubmit()} />;
}
