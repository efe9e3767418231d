// What a provider's session record becomes as a ChargingSession row: the record plus the local owners.
import type { SessionRecord } from "@/lib/domain";
import type { SessionSource } from "@/generated/prisma/enums";

export interface SessionOwner {
  fleetId: string | null;
  driverId: string | null;
  chargingKeyId?: string | null;
  bookingId?: string | null;
}

export interface SessionRow extends Omit<SessionRecord, "attribution" | "source"> {
  source: SessionSource;
  fleetId: string | null;
  driverId: string | null;
  chargingKeyId: string | null;
  bookingId: string | null;
}

export function rowFromRecord(record: SessionRecord, owner: SessionOwner): SessionRow {
  const { attribution: _attribution, ...stored } = record;
  return {
    ...stored,
    fleetId: owner.fleetId,
    driverId: owner.driverId,
    chargingKeyId: owner.chargingKeyId ?? null,
    bookingId: owner.bookingId ?? null,
  };
}
