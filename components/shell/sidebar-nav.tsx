"use client";

import { FileText, Handshake, House, Settings, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { NavIcon, NavSection } from "./types";

const icons: Record<NavIcon, typeof House> = {
  home: House,
  agreements: FileText,
  contracts: Handshake,
  directory: Users,
  settings: Settings,
};

/** One labelled navigation landmark per section; the link of the page you are on is marked current. */
export function SidebarNav({ sections, onNavigate }: { sections: NavSection[]; onNavigate?: () => void }) {
  const path = usePathname();
  return (
    <div className="space-y-6">
      {sections.map((s) => (
        <nav key={s.label} aria-label={s.label}>
          <p aria-hidden="true" className="mb-1 px-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">
            {s.label}
          </p>
          <ul className="space-y-0.5">
            {s.links.map((l) => {
              const Icon = icons[l.icon];
              const current = path === l.href || path.startsWith(`${l.href}/`);
              return (
                <li key={l.href}>
                  <Link
                    href={l.href}
                    onClick={onNavigate}
                    aria-current={current ? "page" : undefined}
                    className={cn(
                      "flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm font-medium",
                      current ? "bg-accent text-foreground" : "text-muted-foreground hover:bg-accent/60 hover:text-foreground",
                    )}
                  >
                    <Icon className="size-4 shrink-0" aria-hidden="true" />
                    {l.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      ))}
    </div>
  );
}
