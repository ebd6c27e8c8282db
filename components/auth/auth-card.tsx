import { BrandMark } from "./brand-mark";
import type { ReactNode } from "react";

/** The signed-out pages' frame (sign-in's look): the product's name, one card, a line below. */
export function AuthCard({
  title,
  children,
  footer,
  switcher,
}: {
  title: string;
  children: ReactNode;
  footer?: ReactNode;
  /** The language switcher (components/language-switcher.tsx), under the card. */
  switcher?: ReactNode;
}) {
  return (
    <main data-themed className="flex min-h-screen items-center justify-center bg-background px-4 text-foreground">
      <div className="w-full max-w-sm">
        <BrandMark className="mb-4 justify-center" />
        <div className="rounded-xl border border-border bg-card p-8 shadow-sm">
          <h1 className="mb-6 text-xl font-semibold tracking-tight">{title}</h1>
          {children}
        </div>
        {footer ? <p className="mt-4 text-center text-sm text-muted-foreground">{footer}</p> : null}
        {switcher ? <div className="mt-4 flex justify-center">{switcher}</div> : null}
      </div>
    </main>
  );
}
