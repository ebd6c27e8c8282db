import Link from "next/link";
import type { ReactNode } from "react";
import { BackLink } from "./back-link";
import { cn } from "./cn";

export { Badge } from "./badge";

/** The page's one h1, its short description and its main actions (right, or below on a phone). */
export function PageHeader({
  title,
  description,
  actions,
  back,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  back?: { href: string; label: string };
}) {
  return (
    <div className="mb-6">
      {back ? <BackLink href={back.href}>{back.label}</BackLink> : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-semibold tracking-tight text-foreground">{title}</h1>
          {description ? <div className="mt-1 text-sm text-muted-foreground">{description}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}

/** A bordered surface; `flush` drops its padding for content that brings its own (a list of rows). */
export function Card({ children, className, flush = false }: { children: ReactNode; className?: string; flush?: boolean }) {
  return (
    <section className={cn("rounded-lg border border-border bg-card shadow-sm", !flush && "p-4 sm:p-6", className)}>{children}</section>
  );
}

/** Where a list or page has nothing to show; `level={1}` when it is the whole page (a not-found page). */
export function EmptyState({
  title,
  children,
  action,
  level = 2,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <div className="rounded-lg border border-dashed border-input/50 bg-card px-6 py-12 text-center">
      <Heading className="text-base font-semibold text-foreground">{title}</Heading>
      {children ? <div className="mx-auto mt-1 max-w-prose text-sm text-muted-foreground">{children}</div> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}

/**
 * Tabs as links: each tab is a URL, so it works without JavaScript and can be shared. On a phone the row
 * scrolls inside itself rather than widening the page.
 */
export function TabNav({ tabs, current, label }: { tabs: { href: string; label: string; key: string }[]; current: string; label: string }) {
  return (
    <nav aria-label={label} className="mb-6 overflow-x-auto border-b border-border">
      <ul className="-mb-px flex gap-1">
        {tabs.map((t) => (
          <li key={t.key}>
            <Link
              href={t.href}
              aria-current={t.key === current ? "page" : undefined}
              className={cn(
                "inline-block whitespace-nowrap border-b-2 px-3 pb-2.5 pt-1 text-sm font-medium",
                t.key === current
                  ? "border-primary text-foreground"
                  : "border-transparent text-muted-foreground hover:border-input/50 hover:text-foreground",
              )}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
