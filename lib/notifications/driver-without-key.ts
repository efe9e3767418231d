// A driver who joins a fleet without a charging key cannot charge with the fleet's cards: each admin of the
// fleet is told, in the transaction of the membership, with a link to the key table prepared for that driver.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { PEOPLE_ONLY } from "@/lib/api-tokens/people";
import { keysPageHref } from "@/lib/keys/schemas";
import { notificationRow } from "./kinds";

export const DRIVER_WITHOUT_KEY = "fleet.driver-without-key" as const;

type Tx = Prisma.TransactionClient;

export interface DriverJoined {
  fleetId: string;
  fleetName: string;
  driverId: string;
}

/** The notifications written: none when the driver already holds a key of this fleet. */
export async function notifyAdminsOfDriverWithoutKey(tx: Tx, joined: DriverJoined): Promise<number> {
  const { fleetId, fleetName, driverId } = joined;
  if ((await tx.chargingKey.count({ where: { fleetId, assignedDriverId: driverId } })) > 0) return 0;
  const driver = await tx.user.findUniqueOrThrow({ where: { id: driverId }, select: { name: true } });
  const admins = await tx.membership.findMany({
    where: { fleetId, role: "ADMIN", ...PEOPLE_ONLY },
    select: { userId: true },
  });
  const href = keysPageHref("/keys", { driverId: "none", assignTo: driverId, fleet: fleetId });
  await tx.notification.createMany({
    data: admins.map((admin) =>
      notificationRow({
        userId: admin.userId,
        kind: DRIVER_WITHOUT_KEY,
        facts: { driver: driver.name, fleet: fleetName },
        data: { href, fleetId, driverId },
      }),
    ),
  });
  return admins.length;
}
