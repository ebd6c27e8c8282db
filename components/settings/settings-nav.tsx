"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { SettingsSection } from "@/lib/settings/sections";

/** The settings area's sections as tabs (a row that wraps on a phone, never scrolling sideways). */
export function SettingsNav({ sections, label }: { sections: SettingsSection[]; label: string }) {
  const path = usePathname();
  return (
    <nav aria-label={label} className="mb-6 border-b border-border">
      <ul className="-mb-px flex flex-wrap gap-x-4">
        {sections.map((s) => {
          const current = s.href === "/settings" ? path === s.href : path === s.href || path.startsWith(`${s.href}/`);
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-1 py-2 text-sm font-medium",
                  current ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
                )}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
