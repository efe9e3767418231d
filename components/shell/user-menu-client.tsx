"use client";
// The header's user menu: who is signed in, their settings, and sign-out.
import Link from "next/link";
import { useEffect, useId, useRef, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { signOutTo } from "@/lib/auth/client";
import { useDismiss } from "./use-dismiss";

const ITEM =
  "block w-full cursor-pointer rounded px-2 py-1.5 text-left text-sm outline-none hover:bg-slate-100 focus:bg-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800";

interface UserMenuProps {
  user: { name: string; email: string };
  roleLabel: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * A menu button: opening it puts the focus on its first item; arrows, Home and End move between items, Space
 * and Enter choose, Escape and Tab close it. The shell owns `open`, so it and the notifications are never open together.
 */
export function UserMenu({ user, roleLabel, open, onOpenChange }: UserMenuProps) {
  const t = useTranslations("shell");
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useDismiss(open, onOpenChange, root, trigger);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move: Record<string, number> = {
      ArrowDown: (at + 1) % all.length,
      ArrowUp: (at - 1 + all.length) % all.length,
      Home: 0,
      End: all.length - 1,
    };
    if (event.key in move) {
      event.preventDefault();
      all[move[event.key]]?.focus();
    } else if (event.key === " ") {
      event.preventDefault();
      all[at]?.click();
    } else if (event.key === "Tab") {
      event.preventDefault();
      onOpenChange(false);
      trigger.current?.focus();
    }
  };

  return (
    <div ref={root}>
      <button
        ref={trigger}
        type="button"
        className="rounded-md px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        // The visible name comes first, so those who speak to their browser can say what they see.
        aria-label={t("userMenu", { name: user.name, role: roleLabel })}
        onClick={() => onOpenChange(!open)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            onOpenChange(true);
          }
        }}
      >
        {user.name} <span className="text-slate-600 dark:text-slate-400">({roleLabel})</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={id}
          role="menu"
          aria-label={t("userMenu", { name: user.name, role: roleLabel })}
          onKeyDown={onMenuKeyDown}
          className="absolute right-4 top-full z-50 mt-1 w-56 max-w-[calc(100vw-1rem)] rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="truncate px-2 py-1 text-xs text-slate-500">{user.email}</div>
          <Link role="menuitem" tabIndex={-1} href="/settings" className={ITEM} onClick={() => onOpenChange(false)}>
            {t("settings")}
          </Link>
          <button role="menuitem" tabIndex={-1} type="button" className={ITEM} onClick={() => signOutTo("/login")}>
            {t("signOut")}
          </button>
        </div>
      )}
    </div>
  );
}
