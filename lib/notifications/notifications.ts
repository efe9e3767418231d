// In-app notifications for one user, with an email copy when SMTP is configured: each said from its kind and
// facts (./kinds.ts), stored in English and listed in the reader's language.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { createFormatter } from "@/lib/format";
import type { Reader } from "@/lib/i18n/reader";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { sendEmail } from "./email";
import { describeNotification, notificationEmail, notificationRow, type FactsOf, type NotificationKind } from "./kinds";
import { STORED_WORDS, wordsFor, type Words } from "./words";

export interface NewNotification<K extends NotificationKind> {
  userId: string;
  kind: K;
  /** What its title and body are made of, in any language. */
  facts: FactsOf<K>;
  /** Links and references beside the words (`href`, `bookingId`, …). */
  data?: Record<string, unknown>;
  /** Also sent by email (when SMTP_URL is set), in the recipient's language; for kinds with an email copy. */
  email?: boolean;
}

export async function notifyUser<K extends NotificationKind>(
  notification: NewNotification<K>,
): Promise<{ id: string; emailed: boolean }> {
  const row = await db.notification.create({ data: notificationRow(notification) });
  return { id: row.id, emailed: await emailNotification(notification) };
}

/**
 * Stores the in-app notification with `client` (a transaction that also writes the change and its audit entry);
 * its email copy goes with `emailNotification` once that transaction has committed.
 */
export async function storeNotification<K extends NotificationKind>(
  notification: NewNotification<K>,
  client: Pick<typeof db, "notification">,
): Promise<{ id: string }> {
  return client.notification.create({ data: notificationRow(notification), select: { id: true } });
}

/** The email copy of a notification, in the recipient's language; false when none was sent. */
export async function emailNotification<K extends NotificationKind>(
  notification: NewNotification<K>,
): Promise<boolean> {
  if (!notification.email) return false;
  const user = await db.user.findUnique({
    where: { id: notification.userId },
    select: { email: true, locale: true },
  });
  const email = user && notificationEmail(notification.kind, notification.facts, wordsFor(user.locale));
  if (!user || !email) return false;
  // A failed email must not undo the change it tells of: the in-app notification is already there.
  return sendEmail({ to: user.email, ...email }).catch((error: unknown) => {
    logWithRequestId(
      "error",
      { event: "notifications.email_failed", userId: notification.userId, err: error },
      "notification email failed",
    );
    return false;
  });
}

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  data: unknown;
  readAt: string | null;
  createdAt: string;
}

/** The words of this request's reader (lib/i18n/reader.ts), for the bell. */
export function readerWords(reader: Reader): Words {
  return { language: reader.language, format: createFormatter({ locale: reader.locale, timeZone: reader.timeZone }) };
}

/** The user's latest notifications, each in `words` (the reader's); English where no reader is given. */
export async function listNotifications(
  userId: string,
  limit = 20,
  words: Words = STORED_WORDS,
): Promise<{ items: NotificationView[]; unread: number }> {
  const [items, unread] = await Promise.all([
    db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: limit }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return {
    unread,
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      ...describeNotification(n, words),
      data: n.data,
      readAt: n.readAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}

/** Marks the user's own notifications read; ids of other users' notifications are ignored. */
export async function markNotificationsRead(userId: string, ids: string[] | "all"): Promise<number> {
  const where: Prisma.NotificationWhereInput = { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) };
  const result = await db.notification.updateMany({ where, data: { readAt: new Date() } });
  return result.count;
}
