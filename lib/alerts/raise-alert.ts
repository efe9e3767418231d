// Raising an alert: stored once per cause in a fleet (Alert's unique fleetId + causeKey), so a watchdog run that
// sees the same stuck session again, or a session synced twice, never raises it twice. Safe inside a transaction:
// a cause already raised is skipped by ON CONFLICT, which leaves the transaction usable. A new alert raised
// outside a transaction is announced at once (./announce.ts); a raiser in a transaction announces it after commit.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { emitWebhook } from "@/lib/webhooks/emit";
import { announceAlert } from "./announce";
import { alertFacts, type AlertFactsOf, type AlertKind } from "./kinds";

export interface NewAlert<K extends AlertKind> {
  fleetId: string;
  kind: K;
  /** What raised it, unique in the fleet: "session:<id>:no-energy", "booking:<id>:expired"… */
  causeKey: string;
  facts: AlertFactsOf<K>;
  bookingId?: string | null;
  sessionId?: string | null;
  driverId?: string | null;
  vehicleId?: string | null;
}

export interface RaisedAlert {
  id: string;
  /** False where this cause had already raised its alert (which is left as it is). */
  raised: boolean;
}

export async function raiseAlert<K extends AlertKind>(
  alert: NewAlert<K>,
  client: Prisma.TransactionClient = db,
): Promise<RaisedAlert> {
  const { fleetId, kind, causeKey } = alert;
  const store = async (tx: Prisma.TransactionClient) => {
    const { count } = await tx.alert.createMany({
      data: {
        fleetId,
        kind,
        causeKey,
        facts: alertFacts(kind, alert.facts) as Prisma.InputJsonValue,
        bookingId: alert.bookingId ?? null,
        sessionId: alert.sessionId ?? null,
        driverId: alert.driverId ?? null,
        vehicleId: alert.vehicleId ?? null,
      },
      skipDuplicates: true,
    });
    const row = await tx.alert.findUniqueOrThrow({
      where: { fleetId_causeKey: { fleetId, causeKey } },
      select: { id: true },
    });
    const raised = count === 1;
    if (raised)
      await emitWebhook(tx, {
        fleetId,
        event: "alert.raised",
        data: {
          alertId: row.id,
          kind,
          bookingId: alert.bookingId ?? null,
          sessionId: alert.sessionId ?? null,
          driverId: alert.driverId ?? null,
          vehicleId: alert.vehicleId ?? null,
        },
      });
    return { id: row.id, raised };
  };
  // Its webhook deliveries are written with it: outside a caller's transaction, in one of its own.
  const raised = client === db ? await db.$transaction(store) : await store(client);
  if (raised.raised && client === db) await announceAlert(raised.id);
  return raised;
}

/**
 * Closes the open alerts of these causes whose cause went away (the session ended, the booking was confirmed):
 * resolution "resolved", by nobody. Returns how many it closed.
 */
export async function resolveAlerts(
  fleetId: string,
  causeKeys: string[],
  client: Prisma.TransactionClient = db,
): Promise<number> {
  if (causeKeys.length === 0) return 0;
  const { count } = await client.alert.updateMany({
    where: { fleetId, causeKey: { in: causeKeys }, status: "OPEN" },
    data: { status: "RESOLVED", resolution: "resolved", closedAt: new Date() },
  });
  return count;
}
