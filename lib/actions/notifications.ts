"use server";
// The signed-in user's own notifications: read them, mark them read. Nobody sees anyone else's.
import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";
import { currentReader } from "@/lib/i18n/reader";
import { listNotifications, markNotificationsRead, readerWords } from "@/lib/notifications/notifications";

export const listNotificationsAction = userAction({
  name: "notifications.list",
  input: z.object({ limit: z.number().int().min(1).max(50).default(20) }),
  mutation: false,
  async run({ input, user }) {
    return listNotifications(user.id, input.limit, readerWords(await currentReader()));
  },
});

export const markNotificationsReadAction = userAction({
  name: "notifications.mark-read",
  input: z.object({ ids: z.union([z.array(z.string().min(1)).max(100), z.literal("all")]) }),
  mutation: false,
  async run({ input, user }) {
    return { marked: await markNotificationsRead(user.id, input.ids) };
  },
});
