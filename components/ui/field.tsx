import { useTranslations } from "next-intl";
import type { ComponentProps, ReactNode } from "react";
import { CatalogText } from "@/components/ui/catalog-text";

export const inputClass =
  "block w-full rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground shadow-sm placeholder:text-muted-foreground focus:border-ring focus:outline-2 focus:outline-offset-0 focus:outline-ring/40 aria-[invalid=true]:border-destructive-text";

/**
 * A labelled field with its hint and its error, wired for screen readers. The hint stays beside an
 * error (a counter such as "500/200" is what explains it). `required` marks the label; the control
 * itself carries `required` or aria-required for screen readers.
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
}) {
  // A client-side check (react-hook-form + zodResolver) gives the schema's catalog key; the server's are words already.
  const t = useTranslations("Common");
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-foreground">
        {label}
        {required ? (
          <>
            {" "}
            <span aria-hidden="true" className="font-normal text-muted-foreground">
              {t("required")}
            </span>
          </>
        ) : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-destructive-text">
          <CatalogText text={error} />
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, error?: string) => (error ? `${id}-error ${id}-hint` : `${id}-hint`);

export function Input({ id, error, ...props }: ComponentProps<"input"> & { id: string; error?: string }) {
  return (
    <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error)} className={inputClass} {...props} />
  );
}

export function Textarea({ id, error, ...props }: ComponentProps<"textarea"> & { id: string; error?: string }) {
  return (
    <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error)} className={inputClass} {...props} />
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-400/30 dark:bg-red-400/10 dark:text-red-100"
    >
      <CatalogText text={message} />
    </div>
  );
}
