import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("Mailbox"))("title"), robots: { index: false } };
}

export default function MailboxLayout({ children }: { children: ReactNode }) {
  const t = useTranslations("Mailbox");
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between px-4 py-3 sm:px-6">
          <Link href="/dev/mailbox" className="font-semibold text-slate-900">
            {t("title")}
          </Link>
          <Link href="/" className="text-sm text-brand-700 hover:underline">
            {t("back")}
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
