// A fleet's configured depot chargers: list, add, edit, delete and CSV import, each change audited in its transaction.
import "server-only";
import { z } from "zod";
import { Prisma, type DepotCharger } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { CONNECTOR_STANDARDS } from "@/lib/domain";
import { DomainError, text } from "@/lib/errors";
import type { FleetCharger } from "@/lib/providers/types";
import { parseDepotChargersCsv, type CsvRowError, type CsvWords } from "./csv";
import type { DepotChargerValues } from "./schemas";

export interface DepotChargerRow extends DepotChargerValues {
  id: string;
  updatedAt: string;
}

/** Who made a change, for the audit entry written with it. */
export interface AuditActor {
  actorId: string;
  ip?: string | null;
}

type Tx = Prisma.TransactionClient;

/** Tolerant on read: a connector stored in an older or damaged shape is left out, never the charger. */
const storedConnector = z.object({
  connectorId: z.string().min(1),
  standard: z.enum(CONNECTOR_STANDARDS).catch("OTHER"),
  powerKw: z.number().nonnegative(),
});

function connectorsOf(value: Prisma.JsonValue): DepotChargerValues["connectors"] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = storedConnector.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

function toRow(record: DepotCharger): DepotChargerRow {
  return {
    id: record.id,
    chargerId: record.chargerId,
    name: record.name,
    latitude: record.latitude,
    longitude: record.longitude,
    address: record.address ?? undefined,
    timeZone: record.timeZone ?? undefined,
    connectors: connectorsOf(record.connectors),
    updatedAt: record.updatedAt.toISOString(),
  };
}

function data(values: DepotChargerValues) {
  return {
    chargerId: values.chargerId,
    name: values.name,
    latitude: values.latitude,
    longitude: values.longitude,
    address: values.address ?? null,
    timeZone: values.timeZone ?? null,
    connectors: values.connectors.map((c) => ({
      connectorId: c.connectorId,
      standard: c.standard,
      powerKw: c.powerKw,
    })),
  };
}

/** What the audit trail keeps of a charger: everything the admin entered. */
function snapshot(row: DepotChargerRow) {
  const { id: _id, updatedAt: _updatedAt, ...values } = row;
  return values;
}

function isDuplicate(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const DUPLICATE = (chargerId: string) =>
  new DomainError("CONFLICT", text("depotChargers.duplicate", { chargerId }), {
    chargerId: [text("depotChargers.duplicateField")],
  });

export async function listDepotChargers(fleetId: string): Promise<DepotChargerRow[]> {
  const records = await db.depotCharger.findMany({
    where: { fleetId },
    orderBy: [{ name: "asc" }, { chargerId: "asc" }],
  });
  return records.map(toRow);
}

/** The fleet's chargers as every provider's search receives them. */
export async function fleetChargersFor(fleetId: string): Promise<FleetCharger[]> {
  return (await listDepotChargers(fleetId))
    .filter((c) => c.connectors.length > 0)
    .map((c) => ({
      chargerId: c.chargerId,
      name: c.name,
      latitude: c.latitude,
      longitude: c.longitude,
      address: c.address,
      timeZone: c.timeZone,
      connectors: c.connectors,
    }));
}

async function getRowOrThrow(tx: Tx, fleetId: string, id: string): Promise<DepotChargerRow> {
  const record = await tx.depotCharger.findFirst({ where: { id, fleetId } });
  if (!record) throw new DomainError("NOT_FOUND", text("depotChargers.notFound"));
  return toRow(record);
}

export async function addDepotCharger(
  fleetId: string,
  values: DepotChargerValues,
  actor: AuditActor,
): Promise<DepotChargerRow> {
  try {
    return await db.$transaction(async (tx) => {
      const row = toRow(await tx.depotCharger.create({ data: { fleetId, ...data(values) } }));
      await writeAudit(
        {
          ...actor,
          action: "depot-chargers.add",
          fleetId,
          objectType: "DepotCharger",
          objectId: row.id,
          after: snapshot(row),
        },
        tx,
      );
      return row;
    });
  } catch (error) {
    if (isDuplicate(error)) throw DUPLICATE(values.chargerId);
    throw error;
  }
}

export async function editDepotCharger(
  fleetId: string,
  id: string,
  values: DepotChargerValues,
  actor: AuditActor,
): Promise<DepotChargerRow> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await getRowOrThrow(tx, fleetId, id);
      const row = toRow(await tx.depotCharger.update({ where: { id }, data: data(values) }));
      await writeAudit(
        {
          ...actor,
          action: "depot-chargers.edit",
          fleetId,
          objectType: "DepotCharger",
          objectId: id,
          before: snapshot(before),
          after: snapshot(row),
        },
        tx,
      );
      return row;
    });
  } catch (error) {
    if (isDuplicate(error)) throw DUPLICATE(values.chargerId);
    throw error;
  }
}

export async function deleteDepotCharger(fleetId: string, id: string, actor: AuditActor): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const before = await getRowOrThrow(tx, fleetId, id);
    await tx.depotCharger.delete({ where: { id } });
    await writeAudit(
      {
        ...actor,
        action: "depot-chargers.delete",
        fleetId,
        objectType: "DepotCharger",
        objectId: id,
        before: snapshot(before),
      },
      tx,
    );
    return { id };
  });
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * All or nothing: a file with any row error changes nothing and the errors come back per row, said in `words`
 * (the reader's; English by default). Otherwise a row whose charger id the fleet already has replaces that
 * charger; the others are added.
 */
export async function importDepotChargers(
  fleetId: string,
  csv: string,
  actor: AuditActor,
  words?: CsvWords,
): Promise<ImportResult> {
  const { chargers, errors } = parseDepotChargersCsv(csv, words);
  if (errors.length) throw importFailed(errors);
  return db.$transaction(
    async (tx) => {
      const existing = new Map(
        (await tx.depotCharger.findMany({ where: { fleetId } })).map((r) => [r.chargerId, toRow(r)] as const),
      );
      const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
      for (const values of chargers) {
        const before = existing.get(values.chargerId);
        if (before && JSON.stringify(snapshot(before)) === JSON.stringify(snapshot({ ...before, ...values }))) {
          result.unchanged++;
          continue;
        }
        const row = toRow(
          before
            ? await tx.depotCharger.update({ where: { id: before.id }, data: data(values) })
            : await tx.depotCharger.create({ data: { fleetId, ...data(values) } }),
        );
        await writeAudit(
          {
            ...actor,
            action: "depot-chargers.import",
            fleetId,
            objectType: "DepotCharger",
            objectId: row.id,
            before: before ? snapshot(before) : undefined,
            after: snapshot(row),
          },
          tx,
        );
        result[before ? "updated" : "created"]++;
      }
      return result;
    },
    // A thousand rows, each with its audit entry, take longer than the default five seconds.
    { timeout: 60_000 },
  );
}

function importFailed(errors: CsvRowError[]): DomainError {
  return new DomainError(
    "VALIDATION",
    text("depotChargers.importFailed", { count: errors.length }),
    {
      csv: errors
        .slice(0, 20)
        .map((e) => text("depotChargers.importRow", { row: e.row, problems: e.messages.join(" ") })),
    },
    { rows: errors },
  );
}
