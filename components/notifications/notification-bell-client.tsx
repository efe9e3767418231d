"use client";
// The signed-in user's notifications: a bell with the unread count (for the header) and the list itself.
import Link from "next/link";
import { Bell } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { useAction } from "@/components/ui/use-action";
import { useDismiss } from "@/components/shell/use-dismiss";
import { listNotificationsAction, markNotificationsReadAction } from "@/lib/actions/notifications";
import type { NotificationView } from "@/lib/notifications/notifications";

const NOTIFICATIONS_KEY = ["notifications"] as const;

function useNotifications() {
  return useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: async () => {
      const result = await listNotificationsAction({ limit: 20 });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    refetchInterval: 30_000,
  });
}

/**
 * For the app header: the unread count, and the latest notifications in a panel beneath the header (links and
 * a button, not a menu); Escape, a press outside it or the focus leaving it closes it. The shell owns `open`,
 * so it and the user menu are never open at once.
 */
export function NotificationBell({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("notifications");
  const { data } = useNotifications();
  const unread = data?.unread ?? 0;
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useDismiss(open, onOpenChange, root, trigger);
  // Opened, the focus moves into the panel: its first control, else the panel itself.
  useEffect(() => {
    if (!open) return;
    const first = panel.current?.querySelector<HTMLElement>("button, a[href]");
    (first ?? panel.current)?.focus();
  }, [open]);
  return (
    <div ref={root}>
      <button
        ref={trigger}
        type="button"
        className="relative rounded-md p-2 hover:bg-slate-100 dark:hover:bg-slate-800"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={unread ? t("titleUnread", { count: unread }) : t("title")}
        onClick={() => onOpenChange(!open)}
      >
        <Bell className="size-4" aria-hidden />
        {unread > 0 && (
          <span
            className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold text-white"
            data-testid="unread-count"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          ref={panel}
          id={id}
          role="dialog"
          aria-label={t("title")}
          tabIndex={-1}
          className="absolute right-4 top-full z-50 mt-2 w-80 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white p-3 shadow-lg outline-none dark:border-slate-800 dark:bg-slate-900"
        >
          <NotificationList items={data?.items ?? []} compact onOpenLink={() => onOpenChange(false)} />
        </div>
      )}
    </div>
  );
}

/** The full list, e.g. on My bookings. */
export function Notifications() {
  const { data, isPending } = useNotifications();
  if (isPending) return null;
  return <NotificationList items={data?.items ?? []} />;
}

function NotificationList({
  items,
  compact,
  onOpenLink,
}: {
  items: NotificationView[];
  compact?: boolean;
  onOpenLink?: () => void;
}) {
  const t = useTranslations("notifications");
  const markRead = useAction(markNotificationsReadAction, { invalidates: [NOTIFICATIONS_KEY] });
  if (items.length === 0) return <p className="text-sm text-slate-500">{t("none")}</p>;
  const unread = items.filter((n) => !n.readAt);
  return (
    <div className="space-y-2">
      {unread.length > 0 && (
        <Button size="sm" variant="ghost" loading={markRead.isPending} onClick={() => markRead.mutate({ ids: "all" })}>
          {t("markAllRead")}
        </Button>
      )}
      <ul className="space-y-2" aria-label={t("title")}>
        {items.map((n) => {
          const href = notificationHref(n.data);
          return (
            <li
              key={n.id}
              className={`rounded-md border p-2 text-sm ${n.readAt ? "border-slate-200 dark:border-slate-800" : "border-brand-300 bg-brand-50 dark:border-brand-700 dark:bg-slate-800"}`}
            >
              <p className="font-medium">{n.title}</p>
              {!compact && <p className="whitespace-pre-line text-slate-600 dark:text-slate-300">{n.body}</p>}
              <p className="text-xs text-slate-500">
                <LocalTime iso={n.createdAt} />
                {href ? (
                  <>
                    {" · "}
                    <Link className="underline" href={href} onClick={onOpenLink}>
                      {t("open")}
                    </Link>
                  </>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Where a notification leads: its own in-app link, else the booking it is about; never another site. */
function notificationHref(data: unknown): string | null {
  const { href, bookingId } = (data ?? {}) as { href?: unknown; bookingId?: unknown };
  if (typeof href === "string" && href.startsWith("/") && !href.startsWith("//")) return href;
  return typeof bookingId === "string" ? `/my-bookings#${encodeURIComponent(bookingId)}` : null;
}
