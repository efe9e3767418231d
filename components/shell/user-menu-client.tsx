"use client";
// The header's user menu: who is signed in, their settings, and sign-out.
import Link from "next/link";
import { signOut } from "next-auth/react";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useTranslations } from "next-intl";

const ITEM =
  "block w-full cursor-pointer rounded px-2 py-1.5 text-left text-sm outline-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800";

interface UserMenuProps {
  user: { name: string; email: string };
  roleLabel: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * Non-modal, like the notifications popover, so a click on the other one opens it at once; the shell
 * owns `open`, so the two are never open together.
 */
export function UserMenu({ user, roleLabel, open, onOpenChange }: UserMenuProps) {
  const t = useTranslations("shell");
  return (
    <DropdownMenu.Root open={open} onOpenChange={onOpenChange} modal={false}>
      <DropdownMenu.Trigger
        className="rounded-md px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        // The visible name comes first, so those who speak to their browser can say what they see.
        aria-label={t("userMenu", { name: user.name, role: roleLabel })}
      >
        {user.name} <span className="text-slate-600 dark:text-slate-400">({roleLabel})</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          // Closed because the notifications opened: the focus stays there rather than coming back here.
          onCloseAutoFocus={(event) => {
            if (document.activeElement && document.activeElement !== document.body) event.preventDefault();
          }}
          className="z-50 w-56 rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <DropdownMenu.Label className="truncate px-2 py-1 text-xs text-slate-500">{user.email}</DropdownMenu.Label>
          <DropdownMenu.Item asChild className={ITEM}>
            <Link href="/settings">{t("settings")}</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={ITEM} onSelect={() => signOut({ callbackUrl: "/login" })}>
            {t("signOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
