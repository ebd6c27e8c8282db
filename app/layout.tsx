import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { pickMessages } from "@/components/intl-island";
import { getLocale, getT } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("Common");
  return {
    title: { default: t("appName"), template: `%s · ${t("appName")}` },
    description: t("appDescription"),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        {/* Client components under it read "Common"; an IntlIsland adds the namespaces of its own components. */}
        <NextIntlClientProvider locale={locale} timeZone="UTC" formats={{}} messages={pickMessages(locale, ["Common"])}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
