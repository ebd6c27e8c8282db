import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

/** The way back to the list a details page was opened from, above its title. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="mb-3 inline-flex items-center gap-1 text-sm text-link hover:underline">
      <ChevronLeft className="size-4" aria-hidden="true" />
      {children}
    </Link>
  );
}
