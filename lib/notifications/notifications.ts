// In-app notifications for one user, with an email copy when SMTP is configured.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { sendEmail } from "./email";

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  data?: Record<string, unknown>;
  /** Also sent by email (when SMTP_URL is set); the text is the email's body. */
  email?: { subject: string; text: string };
}

export async function notifyUser(notification: NewNotification): Promise<{ id: string; emailed: boolean }> {
  const row = await db.notification.create({
    data: {
      userId: notification.userId,
      kind: notification.kind,
      title: notification.title,
      body: notification.body,
      data: notification.data as Prisma.InputJsonValue | undefined,
    },
  });
  let emailed = false;
  if (notification.email) {
    const user = await db.user.findUnique({ where: { id: notification.userId }, select: { email: true } });
    // A failed email must not undo the assignment: the in-app notification is already there.
    if (user)
      emailed = await sendEmail({ to: user.email, ...notification.email }).catch((error: unknown) => {
        logWithRequestId(
          "error",
          { event: "notifications.email_failed", userId: notification.userId, err: error },
          "notification email failed",
        );
        return false;
      });
  }
  return { id: row.id, emailed };
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

export async function listNotifications(
  userId: string,
  limit = 20,
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
      title: n.title,
      body: n.body,
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
