"use client";

import { ChevronsUpDown, LogOut, Settings, ShieldOff } from "lucide-react";
import Link from "next/link";
import { useTransition } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { SessionActions } from "./types";

type Account = { publicId: string; name: string; role: "distributor" | "reseller" };
type Props = { fullName: string; email: string; account: Account; accounts: Account[]; actions: SessionActions };

const roleWord = (r: Account["role"]) => (r === "distributor" ? "Distributor" : "Reseller");
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");

/** Who is signed in, which account they act for (switchable when they belong to several), and the two sign-outs. */
export function AccountMenu({ fullName, email, account, accounts, actions }: Props) {
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
          Signed in as <span className="break-all text-foreground">{email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {accounts.length > 1 ? (
          <>
            <DropdownMenuLabel>Switch account</DropdownMenuLabel>
            <DropdownMenuRadioGroup value={account.publicId} onValueChange={switchTo}>
              {accounts.map((a) => (
                <DropdownMenuRadioItem key={a.publicId} value={a.publicId}>
                  <span className="min-w-0 flex-1 truncate">{a.name}</span>
                  <span className="text-xs text-muted-foreground">{roleWord(a.role)}</span>
                </DropdownMenuRadioItem>
              ))}
            </DropdownMenuRadioGroup>
            <DropdownMenuSeparator />
          </>
        ) : null}
        <DropdownMenuItem asChild>
          <Link href="/settings">
            <Settings aria-hidden="true" /> Account settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => start(() => actions.signOut())}>
          <LogOut aria-hidden="true" /> Sign out
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => start(() => actions.signOutEverywhere())}>
          <ShieldOff aria-hidden="true" /> Sign out everywhere
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
