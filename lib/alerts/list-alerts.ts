// The alerts page's read: the active fleet's alerts, newest first, each said in the reader's words, with what
// can be done about it.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { Words } from "@/lib/notifications/words";
import { REBOOKABLE_KINDS, STOPPABLE_KINDS } from "./alert-actions";
import type { AlertKind } from "./kind-names";
import { describeAlert } from "./kinds";
import { ALERTS_PAGE_SIZE } from "./alert-params";
import type { listAlertsInput } from "./schemas";
import type { z } from "zod";

export type AlertAction = "stop" | "rebook" | "message" | "dismiss";

export interface AlertRow {
  id: string;
  kind: string;
  status: "OPEN" | "RESOLVED" | "DISMISSED";
  title: string;
  body: string;
  raisedAt: string;
  closedAt: string | null;
  resolution: string | null;
  note: string | null;
  closedBy: string | null;
  driver: string | null;
  sessionId: string | null;
  bookingId: string | null;
  actions: AlertAction[];
}

export interface AlertList {
  rows: AlertRow[];
  /** The fleet's open alerts, whatever the filter. */
  open: number;
  /** The alerts that match the filter, on every page. */
  total: number;
  page: number;
  pageSize: number;
}

/** One page of the fleet's alerts, newest first (an alert is raised once per cause: offsets stay short). */
export async function listAlerts(params: z.output<typeof listAlertsInput>, words: Words): Promise<AlertList> {
  const where: Prisma.AlertWhereInput = {
    fleetId: params.fleetId,
    ...(params.status === "open" ? { status: "OPEN" } : params.status === "closed" ? { status: { not: "OPEN" } } : {}),
    ...(params.kind ? { kind: params.kind } : {}),
  };
  const [alerts, open, total] = await Promise.all([
    db.alert.findMany({
      where,
      orderBy: [{ raisedAt: "desc" }, { id: "desc" }],
      skip: (params.page - 1) * ALERTS_PAGE_SIZE,
      take: ALERTS_PAGE_SIZE,
    }),
    db.alert.count({ where: { fleetId: params.fleetId, status: "OPEN" } }),
    db.alert.count({ where }),
  ]);
  const userIds = [...new Set(alerts.flatMap((a) => [a.driverId, a.closedById]).filter((id): id is string => !!id))];
  const users = await db.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, email: true },
  });
  const nameOf = (id: string | null) => {
    const user = id ? users.find((u) => u.id === id) : undefined;
    return user ? (user.name ?? user.email) : null;
  };
  const rows = alerts.map((alert): AlertRow => {
    const said = describeAlert(alert, words) ?? { title: alert.kind, body: "" };
    const kind = alert.kind as AlertKind;
    const actions: AlertAction[] = [];
    if (alert.status === "OPEN") {
      if (alert.sessionId && STOPPABLE_KINDS.includes(kind)) actions.push("stop");
      if (alert.bookingId && REBOOKABLE_KINDS.includes(kind)) actions.push("rebook");
      if (alert.driverId) actions.push("message");
      actions.push("dismiss");
    }
    return {
      id: alert.id,
      kind: alert.kind,
      status: alert.status,
      ...said,
      raisedAt: alert.raisedAt.toISOString(),
      closedAt: alert.closedAt?.toISOString() ?? null,
      resolution: alert.resolution,
      note: alert.note,
      closedBy: nameOf(alert.closedById),
      driver: nameOf(alert.driverId),
      sessionId: alert.sessionId,
      bookingId: alert.bookingId,
      actions,
    };
  });
  return { rows, open, total, page: params.page, pageSize: ALERTS_PAGE_SIZE };
}
