// What the objects of audit entries are called: one query per kind of object on the page, and the name kept
// in the entry itself for objects that are gone (a deleted depot charger).
import "server-only";
import { db } from "@/lib/db";

interface EntryRow {
  id: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
}

type NameLookup = (ids: string[]) => Promise<Array<[string, string]>>;

const LOOKUPS: Record<string, NameLookup> = {
  ChargingKey: async (ids) =>
    (
      await db.chargingKey.findMany({
        where: { id: { in: ids } },
        select: { id: true, name: true, visualNumber: true, keyId: true },
      })
    ).map((k) => [k.id, k.name ?? k.visualNumber ?? k.keyId]),
  Membership: async (ids) =>
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  Fleet: async (ids) =>
    (await db.fleet.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((f) => [
      f.id,
      f.name,
    ]),
  DepotCharger: async (ids) =>
    (await db.depotCharger.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((c) => [
      c.id,
      c.name,
    ]),
  Vehicle: async (ids) =>
    (await db.vehicle.findMany({ where: { id: { in: ids } }, select: { id: true, plate: true } })).map((v) => [
      v.id,
      v.plate,
    ]),
  Booking: async (ids) =>
    (await db.booking.findMany({ where: { id: { in: ids } }, select: { id: true, locationSnapshot: true } })).flatMap(
      (b) => {
        const name = (b.locationSnapshot as { name?: unknown } | null)?.name;
        return typeof name === "string" ? [[b.id, name] as [string, string]] : [];
      },
    ),
  ChargingSession: async (ids) =>
    (
      await db.chargingSession.findMany({ where: { id: { in: ids } }, select: { id: true, chargerName: true } })
    ).flatMap((s) => (s.chargerName ? [[s.id, s.chargerName] as [string, string]] : [])),
  FleetInvitation: async (ids) =>
    (await db.fleetInvitation.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })).map((i) => [
      i.id,
      i.email,
    ]),
  ApiToken: async (ids) =>
    (await db.apiToken.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((k) => [
      k.id,
      k.name,
    ]),
  WebhookEndpoint: async (ids) =>
    (await db.webhookEndpoint.findMany({ where: { id: { in: ids } }, select: { id: true, url: true } })).map((w) => [
      w.id,
      w.url,
    ]),
  InvitationCode: async (ids) =>
    // Only the first characters of a code are kept in clear.
    (await db.invitationCode.findMany({ where: { id: { in: ids } }, select: { id: true, hint: true } })).map((c) => [
      c.id,
      `${c.hint}…`,
    ]),
};

function nameKeptInEntry(row: EntryRow): string | null {
  for (const snapshot of [row.after, row.before]) {
    const name = (snapshot as { name?: unknown } | null)?.name;
    if (typeof name === "string" && name) return name;
  }
  return null;
}

/** Entry id → the name of its object, for the entries whose object has one. */
export async function objectNames(rows: EntryRow[]): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.objectId || !LOOKUPS[row.objectType]) continue;
    idsByType.set(row.objectType, (idsByType.get(row.objectType) ?? new Set()).add(row.objectId));
  }
  const found = new Map<string, string>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      for (const [id, name] of await LOOKUPS[type]([...ids])) found.set(`${type}:${id}`, name);
    }),
  );
  const names = new Map<string, string>();
  for (const row of rows) {
    const name = (row.objectId && found.get(`${row.objectType}:${row.objectId}`)) || nameKeptInEntry(row);
    if (name) names.set(row.id, name);
  }
  return names;
}
