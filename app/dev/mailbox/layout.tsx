import Link from "next/link";
import type { ReactNode } from "react";

export const metadata = { title: "Development mailbox", robots: { index: false } };

export default function MailboxLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between px-4 py-3 sm:px-6">
          <Link href="/dev/mailbox" className="font-semibold text-slate-900">
            Development mailbox
          </Link>
          <Link href="/" className="text-sm text-brand-700 hover:underline">
            Back to the portal
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
