"use client";

import { ChevronsUpDown, Languages, LogOut, Settings, ShieldOff } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTransition } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import type { SessionActions } from "./types";

type Account = { publicId: string; name: string; role: "distributor" | "reseller" };
type Props = {
  fullName: string;
  email: string;
  account: Account;
  accounts: Account[];
  actions: SessionActions;
  /** The user's language setting (users.locale): a language, or null to follow the browser. */
  locale: Locale | null;
};

/**
 * Saves the language setting through the switchers' one edge (app/locale/route.ts): a real form post,
 * which stores users.locale, sets the scp-locale cookie and comes back to this page in the new language.
 */
function postLocale(choice: string, back: string) {
  const form = document.createElement("form");
  form.method = "post";
  form.action = "/locale";
  for (const [name, value] of [
    ["locale", choice],
    ["back", back],
  ]) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");

/** Who is signed in, which account they act for (switchable when they belong to several), and the two sign-outs. */
export function AccountMenu({ fullName, email, account, accounts, actions, locale }: Props) {
  const t = useTranslations("AccountMenu");
  const path = usePathname();
  const [pending, start] = useTransition();
  const switchTo = (publicId: string) => {
    if (publicId === account.publicId) return;
    const form = new FormData();
    form.set("account", publicId);
    start(() => actions.switchAccount(form));
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        disabled={pending}
        className="flex w-full min-w-0 items-center gap-2.5 rounded-md p-1.5 text-left hover:bg-accent data-[state=open]:bg-accent"
      >
        <span
          aria-hidden="true"
          className="flex size-8 shrink-0 items-center justify-center rounded-md bg-primary text-xs font-semibold text-primary-foreground"
        >
          {initials(fullName) || "?"}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium text-foreground">{fullName}</span>
          <span className="block truncate text-xs text-muted-foreground" data-testid="current-account">
            {account.name} · {account.publicId}
          </span>
        </span>
        <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-72">
        <DropdownMenuLabel>
          {t.rich("signedInAs", { email, b: (chunks) => <span className="break-all text-foreground">{chunks}</span> })}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {accounts.length > 1 ? (
          <>
            <DropdownMenuLabel>{t("switchAccount")}</DropdownMenuLabel>
            <DropdownMenuRadioGroup value={account.publicId} onValueChange={switchTo}>
              {accounts.map((a) => (
                <DropdownMenuRadioItem key={a.publicId} value={a.publicId}>
                  <span className="min-w-0 flex-1 truncate">{a.name}</span>
                  <span className="text-xs text-muted-foreground">{t(a.role === "distributor" ? "distributor" : "reseller")}</span>
                </DropdownMenuRadioItem>
              ))}
            </DropdownMenuRadioGroup>
            <DropdownMenuSeparator />
          </>
        ) : null}
        <DropdownMenuItem asChild>
          <Link href="/settings">
            <Settings aria-hidden="true" /> {t("accountSettings")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSub>
          <DropdownMenuSubTrigger>
            <Languages aria-hidden="true" /> {t("language")}
          </DropdownMenuSubTrigger>
          <DropdownMenuSubContent>
            <DropdownMenuRadioGroup
              value={locale ?? "browser"}
              onValueChange={(choice) => {
                if (choice !== (locale ?? "browser")) postLocale(choice, `${path}${window.location.search}`);
              }}
            >
              <DropdownMenuRadioItem value="browser">{t("browserLanguage")}</DropdownMenuRadioItem>
              {LOCALES.map((l) => (
                <DropdownMenuRadioItem key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </DropdownMenuRadioItem>
              ))}
            </DropdownMenuRadioGroup>
          </DropdownMenuSubContent>
        </DropdownMenuSub>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => start(() => actions.signOut())}>
          <LogOut aria-hidden="true" /> {t("signOut")}
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => start(() => actions.signOutEverywhere())}>
          <ShieldOff aria-hidden="true" /> {t("signOutEverywhere")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
