// Announcing a new alert: an in-app notification (the bell) to each admin and dispatcher of its fleet, with an
// email copy when SMTP is set. A failure to announce never undoes the alert: it is logged, and the alert stays
// on the alerts page.
import "server-only";
import { db } from "@/lib/db";
import { PEOPLE_ONLY } from "@/lib/api-tokens/people";
import { notifyUser } from "@/lib/notifications/notifications";
import { logWithRequestId } from "@/lib/observability/request-scope";

/** The roles told of a fleet's new alerts (managers read them on the alerts page). */
export const ANNOUNCED_TO = ["ADMIN", "DISPATCHER"] as const;

export async function announceAlert(alertId: string): Promise<number> {
  try {
    const alert = await db.alert.findUnique({
      where: { id: alertId },
      select: { id: true, fleetId: true, kind: true, facts: true },
    });
    if (!alert) return 0;
    const members = await db.membership.findMany({
      where: { fleetId: alert.fleetId, role: { in: [...ANNOUNCED_TO] }, ...PEOPLE_ONLY },
      select: { userId: true },
    });
    for (const { userId } of members) {
      await notifyUser({
        userId,
        kind: "alert.raised",
        facts: { alertKind: alert.kind, alertFacts: alert.facts },
        data: { href: `/alerts?alert=${alert.id}`, alertId: alert.id, fleetId: alert.fleetId },
        email: true,
      });
    }
    return members.length;
  } catch (error) {
    logWithRequestId("error", { event: "alerts.announce_failed", alertId, err: error }, "alert announcement failed");
    return 0;
  }
}
