import Link from "next/link";
import type { ReactNode } from "react";
import { IntlIsland } from "@/components/intl-island";
import { Toaster } from "@/components/ui/toaster";
import type { Viewer } from "@/lib/accounts/viewer";
import type { Locale } from "@/lib/i18n/locales";
import { getT } from "@/lib/i18n/server";
import { AccountMenu } from "./account-menu";
import { MobileNav } from "./mobile-nav";
import { navSections } from "./nav-sections";
import { SidebarNav } from "./sidebar-nav";
import type { SessionActions } from "./types";

type ShellViewer = Pick<Viewer, "role" | "permissions" | "fullName" | "email" | "accountName" | "accountPublicId" | "accounts">;

/**
 * The signed-in portal: a sidebar (portal name, the account menu, the sections) beside the page; on a
 * phone a top bar with a menu button instead. The account menu is rendered once, for both widths.
 * `data-themed` opts these pages into the system's dark mode (app/globals.css).
 */
export async function AppShell({
  viewer,
  actions,
  locale = null,
  children,
}: {
  viewer: ShellViewer;
  actions: SessionActions;
  /** The user's language setting (null: the browser's), for the account menu's Language choice. */
  locale?: Locale | null;
  children: ReactNode;
}) {
  const t = await getT("Shell");
  const portal = viewer.role === "distributor" ? t("distributorPortal") : t("resellerPortal");
  const sections = navSections(viewer, t);
  const account = { publicId: viewer.accountPublicId, name: viewer.accountName, role: viewer.role };
  return (
    <div data-themed className="min-h-screen bg-background text-foreground md:flex">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-card px-3 py-2 text-sm font-medium text-foreground shadow focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
      >
        {t("skipToContent")}
      </a>
      {/* The aside stretches to the page's height (its border runs down); its contents stay in view. */}
      <aside className="sticky top-0 z-30 border-b border-border bg-sidebar md:static md:w-64 md:shrink-0 md:border-r md:border-b-0">
        <div className="flex items-center gap-2 px-3 py-2 md:sticky md:top-0 md:h-screen md:flex-col md:items-stretch md:gap-4 md:p-3">
          <div className="md:hidden">
            <MobileNav sections={sections} words={{ open: t("openNavigation"), close: t("closeNavigation"), title: t("navigation") }} />
          </div>
          <Link
            href="/"
            className="flex shrink-0 items-center gap-2 px-1 text-sm font-semibold text-foreground md:order-first md:px-2 md:pt-1"
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" className="size-6 text-primary">
              <rect width="24" height="24" rx="6" fill="currentColor" />
              <path d="M7 12.5l3.2 3.2L17 9" stroke="white" strokeWidth="2.2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span className="max-sm:sr-only">{portal}</span>
          </Link>
          <div className="ml-auto min-w-0 max-w-56 md:ml-0 md:max-w-none">
            <IntlIsland namespaces={["AccountMenu"]}>
              <AccountMenu
                fullName={viewer.fullName}
                email={viewer.email}
                account={account}
                accounts={viewer.accounts}
                actions={actions}
                locale={locale}
              />
            </IntlIsland>
          </div>
          <div className="hidden md:block md:flex-1 md:overflow-y-auto md:pt-2">
            <SidebarNav sections={sections} />
          </div>
        </div>
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-6 lg:px-10 lg:py-8">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
      <Toaster />
    </div>
  );
}
