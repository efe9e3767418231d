// The fleet's key table, paged, sorted and filtered in PostgreSQL.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { pendingSyncs } from "@/lib/provider-sync/pending";
import type { KeyFilters, ListKeysInput } from "./schemas";

export interface KeyRow {
  id: string;
  provider: string;
  keyId: string;
  name: string | null;
  visualNumber: string | null;
  contractId: string | null;
  type: string;
  enabled: boolean;
  validFrom: string | null;
  validTo: string | null;
  source: string;
  fleetName: string | null;
  driverId: string | null;
  driverName: string | null;
  syncedAt: string;
  /** A change to it waits for a provider sync. */
  syncing: boolean;
}

export function keyWhere(filters: KeyFilters, now = new Date()): Prisma.ChargingKeyWhereInput {
  const where: Prisma.ChargingKeyWhereInput = { fleetId: filters.fleetId };
  if (filters.driverId) where.assignedDriverId = filters.driverId === "none" ? null : filters.driverId;
  if (filters.type) where.type = filters.type;
  if (filters.status) where.enabled = filters.status === "enabled";
  if (filters.expiringWithinDays !== undefined) {
    where.validTo = { not: null, lte: new Date(now.getTime() + filters.expiringWithinDays * 86_400_000) };
  }
  if (filters.q) {
    where.OR = ["name", "visualNumber", "keyId", "contractId"].map((field) => ({
      [field]: { contains: filters.q, mode: "insensitive" },
    }));
  }
  return where;
}

function orderBy(input: Pick<ListKeysInput, "sort" | "dir">): Prisma.ChargingKeyOrderByWithRelationInput[] {
  const dir = input.dir;
  const nulls = { sort: dir, nulls: "last" } as const;
  switch (input.sort) {
    case "driver":
      // Names live on User; keys have only the id, so order by it to keep pages stable (the UI labels it).
      return [{ assignedDriverId: nulls }, { keyId: "asc" }];
    case "name":
    case "visualNumber":
    case "validFrom":
    case "validTo":
      return [{ [input.sort]: nulls }, { keyId: "asc" }];
    default:
      return [{ [input.sort]: dir }, { keyId: "asc" }];
  }
}

async function toRows(
  keys: Awaited<ReturnType<typeof db.chargingKey.findMany<{ include: { fleet: { select: { name: true } } } }>>>,
  fleetId: string,
): Promise<KeyRow[]> {
  const pending = await pendingSyncs(fleetId);
  const driverIds = [...new Set(keys.flatMap((k) => (k.assignedDriverId ? [k.assignedDriverId] : [])))];
  const drivers = new Map(
    (await db.user.findMany({ where: { id: { in: driverIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return keys.map((k) => ({
    id: k.id,
    provider: k.provider,
    keyId: k.keyId,
    name: k.name,
    visualNumber: k.visualNumber,
    contractId: k.contractId,
    type: k.type,
    enabled: k.enabled,
    validFrom: k.validFrom?.toISOString() ?? null,
    validTo: k.validTo?.toISOString() ?? null,
    source: k.source,
    fleetName: k.fleet?.name ?? null,
    driverId: k.assignedDriverId,
    driverName: k.assignedDriverId ? (drivers.get(k.assignedDriverId) ?? null) : null,
    syncedAt: k.syncedAt.toISOString(),
    syncing: pending.keys.has(k.id),
  }));
}

export async function listKeys(
  input: ListKeysInput,
): Promise<{ rows: KeyRow[]; total: number; page: number; pageSize: number }> {
  const where = keyWhere(input);
  const [total, keys] = await Promise.all([
    db.chargingKey.count({ where }),
    db.chargingKey.findMany({
      where,
      orderBy: orderBy(input),
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      include: { fleet: { select: { name: true } } },
    }),
  ]);
  return { rows: await toRows(keys, input.fleetId), total, page: input.page, pageSize: input.pageSize };
}

/** Every matching key for the CSV export (bounded). */
export async function listAllKeys(
  filters: KeyFilters & Pick<ListKeysInput, "sort" | "dir">,
  limit = 50_000,
): Promise<KeyRow[]> {
  const keys = await db.chargingKey.findMany({
    where: keyWhere(filters),
    orderBy: orderBy(filters),
    take: limit,
    include: { fleet: { select: { name: true } } },
  });
  return toRows(keys, filters.fleetId);
}
