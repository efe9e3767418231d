// A fleet's vehicles: list, add, edit, retire and CSV import, each change audited in its transaction.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, text, type ErrorText } from "@/lib/errors";
import type { BookableVehicle } from "./compatibility";
import {
  csvProblem,
  ENGLISH_VEHICLE_CSV_WORDS,
  FIELD_OF,
  parseVehiclesCsv,
  type VehicleColumn,
  type VehicleCsvError,
  type VehicleCsvWords,
} from "./csv";
import { normalisePlate, plateKey, type ListVehiclesInput, type VehicleFilters, type VehicleValues } from "./schemas";
import { creditKeySessions } from "@/lib/sessions/session-vehicle";

type Tx = Prisma.TransactionClient;

export interface VehicleRow {
  id: string;
  plate: string;
  name: string | null;
  make: string | null;
  model: string | null;
  batteryKwh: number;
  connectorStandards: string[];
  maxAcKw: number | null;
  maxDcKw: number | null;
  homeDepot: { id: string; name: string } | null;
  defaultDriver: { id: string; name: string } | null;
  chargingKey: { id: string; label: string } | null;
  petitMondeTokenId: string | null;
  retiredAt: string | null;
  updatedAt: string;
}

/** What the forms offer to pick from: the fleet's depots, its drivers and its charging keys. */
export interface VehicleOptions {
  depots: Array<{ id: string; name: string }>;
  drivers: Array<{ id: string; name: string; email: string }>;
  keys: Array<{ id: string; label: string }>;
}

const include = {
  homeDepot: { select: { id: true, name: true } },
  defaultDriver: { select: { id: true, name: true } },
  chargingKey: { select: { id: true, visualNumber: true, name: true, keyId: true } },
} satisfies Prisma.VehicleInclude;
type Stored = Prisma.VehicleGetPayload<{ include: typeof include }>;

function keyLabel(key: { visualNumber: string | null; name: string | null; keyId: string }): string {
  return key.visualNumber ?? key.name ?? key.keyId;
}

function toRow(v: Stored): VehicleRow {
  return {
    id: v.id,
    plate: v.plate,
    name: v.name,
    make: v.make,
    model: v.model,
    batteryKwh: v.batteryKwh,
    connectorStandards: v.connectorStandards,
    maxAcKw: v.maxAcKw,
    maxDcKw: v.maxDcKw,
    homeDepot: v.homeDepot,
    defaultDriver: v.defaultDriver,
    chargingKey: v.chargingKey ? { id: v.chargingKey.id, label: keyLabel(v.chargingKey) } : null,
    petitMondeTokenId: v.petitMondeTokenId,
    retiredAt: v.retiredAt?.toISOString() ?? null,
    updatedAt: v.updatedAt.toISOString(),
  };
}

/** The columns a vehicle is stored with, from the values the admin gave (absent: none). */
function data(values: VehicleValues) {
  return {
    plate: normalisePlate(values.plate),
    plateKey: plateKey(values.plate),
    name: values.name ?? null,
    make: values.make ?? null,
    model: values.model ?? null,
    batteryKwh: values.batteryKwh,
    connectorStandards: [...values.connectorStandards] as string[],
    maxAcKw: values.maxAcKw ?? null,
    maxDcKw: values.maxDcKw ?? null,
    homeDepotId: values.homeDepotId ?? null,
    defaultDriverId: values.defaultDriverId ?? null,
    chargingKeyId: values.chargingKeyId ?? null,
    petitMondeTokenId: values.petitMondeTokenId ?? null,
  };
}
type VehicleData = ReturnType<typeof data>;

/** What the audit trail keeps of a vehicle, and what an import compares: everything the admin entered. */
function snapshot(v: VehicleData | Stored): Omit<VehicleData, "plateKey"> {
  return {
    plate: v.plate,
    name: v.name,
    make: v.make,
    model: v.model,
    batteryKwh: v.batteryKwh,
    connectorStandards: [...v.connectorStandards],
    maxAcKw: v.maxAcKw,
    maxDcKw: v.maxDcKw,
    homeDepotId: v.homeDepotId,
    defaultDriverId: v.defaultDriverId,
    chargingKeyId: v.chargingKeyId,
    petitMondeTokenId: v.petitMondeTokenId,
  };
}

export function vehicleWhere(filters: VehicleFilters): Prisma.VehicleWhereInput {
  const where: Prisma.VehicleWhereInput = { fleetId: filters.fleetId };
  if (filters.status === "active") where.retiredAt = null;
  if (filters.status === "retired") where.retiredAt = { not: null };
  if (filters.depotId) where.homeDepotId = filters.depotId === "none" ? null : filters.depotId;
  if (filters.driverId) where.defaultDriverId = filters.driverId === "none" ? null : filters.driverId;
  if (filters.standard) where.connectorStandards = { has: filters.standard };
  if (filters.q) {
    const key = plateKey(filters.q);
    where.OR = [
      ...(key ? [{ plateKey: { contains: key } }] : []),
      ...(["name", "make", "model"] as const).map((field) => ({
        [field]: { contains: filters.q, mode: "insensitive" as const },
      })),
    ];
  }
  return where;
}

function orderBy(input: Pick<ListVehiclesInput, "sort" | "dir">): Prisma.VehicleOrderByWithRelationInput[] {
  const nulls = { sort: input.dir, nulls: "last" } as const;
  switch (input.sort) {
    case "plate":
      return [{ plateKey: input.dir }];
    case "name":
    case "make":
    case "maxDcKw":
      return [{ [input.sort]: nulls }, { plateKey: "asc" }];
    default:
      return [{ [input.sort]: input.dir }, { plateKey: "asc" }];
  }
}

export async function listVehicles(
  input: ListVehiclesInput,
): Promise<{ rows: VehicleRow[]; total: number; page: number; pageSize: number }> {
  const where = vehicleWhere(input);
  const [total, vehicles] = await Promise.all([
    db.vehicle.count({ where }),
    db.vehicle.findMany({
      where,
      orderBy: orderBy(input),
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      include,
    }),
  ]);
  return { rows: vehicles.map(toRow), total, page: input.page, pageSize: input.pageSize };
}

export async function vehicleOptions(fleetId: string): Promise<VehicleOptions> {
  const [depots, drivers, keys] = await Promise.all([
    db.depot.findMany({ where: { fleetId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.membership.findMany({
      where: { fleetId, role: "DRIVER" },
      select: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.chargingKey.findMany({
      where: { fleetId },
      select: { id: true, visualNumber: true, name: true, keyId: true },
      orderBy: [{ visualNumber: "asc" }, { keyId: "asc" }],
    }),
  ]);
  return {
    depots,
    drivers: drivers.map((m) => m.user),
    keys: keys.map((k) => ({ id: k.id, label: keyLabel(k) })),
  };
}

/** The fleet's vehicles in service, as the booking screens offer them. */
export async function bookableVehicles(fleetId: string): Promise<BookableVehicle[]> {
  return db.vehicle.findMany({
    where: { fleetId, retiredAt: null },
    select: {
      id: true,
      plate: true,
      name: true,
      connectorStandards: true,
      batteryKwh: true,
      maxAcKw: true,
      maxDcKw: true,
      defaultDriverId: true,
    },
    orderBy: { plateKey: "asc" },
    take: 5_000,
  });
}

/** Depot, driver and key must be the fleet's own: an id from elsewhere is refused beside its field. */
async function checkReferences(tx: Tx, fleetId: string, values: VehicleValues): Promise<void> {
  const fieldErrors: Record<string, ErrorText[]> = {};
  if (values.homeDepotId && !(await tx.depot.count({ where: { id: values.homeDepotId, fleetId } }))) {
    fieldErrors.homeDepotId = [text("vehicles.depotNotInFleet")];
  }
  if (
    values.defaultDriverId &&
    !(await tx.membership.count({ where: { userId: values.defaultDriverId, fleetId, role: "DRIVER" } }))
  ) {
    fieldErrors.defaultDriverId = [text("vehicles.driverNotInFleet")];
  }
  if (values.chargingKeyId && !(await tx.chargingKey.count({ where: { id: values.chargingKeyId, fleetId } }))) {
    fieldErrors.chargingKeyId = [text("vehicles.keyNotInFleet")];
  }
  if (Object.keys(fieldErrors).length) {
    throw new DomainError("VALIDATION", text("vehicles.checkFields"), fieldErrors);
  }
}

function isDuplicate(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const DUPLICATE = (plate: string) =>
  new DomainError("CONFLICT", text("vehicles.duplicate", { plate }), { plate: [text("vehicles.duplicateField")] });

async function getOrThrow(tx: Tx, fleetId: string, id: string): Promise<Stored> {
  const vehicle = await tx.vehicle.findFirst({ where: { id, fleetId }, include });
  if (!vehicle) throw new DomainError("NOT_FOUND", text("vehicles.notFound"));
  return vehicle;
}

export async function addVehicle(fleetId: string, values: VehicleValues, actor: AuditActor): Promise<VehicleRow> {
  try {
    return await db.$transaction(async (tx) => {
      await checkReferences(tx, fleetId, values);
      const vehicle = await tx.vehicle.create({ data: { fleetId, ...data(values) }, include });
      await creditKeySessions(tx, vehicle);
      await writeAudit(
        {
          ...actor,
          action: "vehicles.add",
          fleetId,
          objectType: "Vehicle",
          objectId: vehicle.id,
          after: snapshot(vehicle),
        },
        tx,
      );
      return toRow(vehicle);
    });
  } catch (error) {
    if (isDuplicate(error)) throw DUPLICATE(values.plate);
    throw error;
  }
}

export async function editVehicle(
  fleetId: string,
  id: string,
  values: VehicleValues,
  actor: AuditActor,
): Promise<VehicleRow> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await getOrThrow(tx, fleetId, id);
      await checkReferences(tx, fleetId, values);
      const vehicle = await tx.vehicle.update({ where: { id }, data: data(values), include });
      await creditKeySessions(tx, vehicle);
      await writeAudit(
        {
          ...actor,
          action: "vehicles.edit",
          fleetId,
          objectType: "Vehicle",
          objectId: id,
          before: snapshot(before),
          after: snapshot(vehicle),
        },
        tx,
      );
      return toRow(vehicle);
    });
  } catch (error) {
    if (isDuplicate(error)) throw DUPLICATE(values.plate);
    throw error;
  }
}

/** Retired vehicles leave the lists and the booking screens; their bookings and costs stay. */
export async function setVehicleRetired(
  fleetId: string,
  id: string,
  retired: boolean,
  actor: AuditActor,
): Promise<VehicleRow> {
  return db.$transaction(async (tx) => {
    const before = await getOrThrow(tx, fleetId, id);
    if (Boolean(before.retiredAt) === retired) return toRow(before);
    const vehicle = await tx.vehicle.update({
      where: { id },
      data: { retiredAt: retired ? new Date() : null },
      include,
    });
    await writeAudit(
      {
        ...actor,
        action: retired ? "vehicles.retire" : "vehicles.reinstate",
        fleetId,
        objectType: "Vehicle",
        objectId: id,
        before: { retiredAt: before.retiredAt?.toISOString() ?? null },
        after: { retiredAt: vehicle.retiredAt?.toISOString() ?? null },
      },
      tx,
    );
    return toRow(vehicle);
  });
}

// ---------------------------------------------------------------------------------------------------------
// CSV import: a preview of what will change, then all or nothing.

export type ImportChangeKind = "create" | "update" | "unchanged";

export interface ImportChange {
  line: number;
  plate: string;
  change: ImportChangeKind;
  /** The columns whose values change (for an update). */
  columns: VehicleColumn[];
  /** The vehicle is retired; the import updates it and leaves it retired. */
  retired: boolean;
}

export interface ImportPlan {
  changes: ImportChange[];
  errors: VehicleCsvError[];
  counts: Record<ImportChangeKind, number>;
}

/** Each column with the field it fills, in the file's order. */
const COLUMN_FIELDS = Object.entries(FIELD_OF) as Array<[VehicleColumn, keyof ReturnType<typeof snapshot>]>;

interface PlannedRow {
  line: number;
  existing: Stored | null;
  data: VehicleData;
  change: ImportChange;
}

const lower = (s: string) => s.trim().toLocaleLowerCase("de");

/** Resolves every row's references and compares it with the stored vehicle; nothing is written. */
async function plan(
  tx: Tx,
  fleetId: string,
  csv: string,
  words: VehicleCsvWords,
): Promise<{ rows: PlannedRow[]; errors: VehicleCsvError[] }> {
  const parsed = parseVehiclesCsv(csv, words);
  if (parsed.rows.length === 0) return { rows: [], errors: parsed.errors };
  const columns = new Set(parsed.columns);
  const [depots, drivers, keys, stored] = await Promise.all([
    tx.depot.findMany({ where: { fleetId }, select: { id: true, name: true } }),
    tx.membership.findMany({
      where: { fleetId, role: "DRIVER" },
      select: { user: { select: { id: true, email: true } } },
    }),
    tx.chargingKey.findMany({ where: { fleetId }, select: { id: true, visualNumber: true, keyId: true } }),
    tx.vehicle.findMany({
      where: { fleetId, plateKey: { in: parsed.rows.map((r) => plateKey(r.values.plate)) } },
      include,
    }),
  ]);
  const depotsByName = new Map<string, typeof depots>();
  for (const d of depots) depotsByName.set(lower(d.name), [...(depotsByName.get(lower(d.name)) ?? []), d]);
  const driverByEmail = new Map(drivers.map((m) => [lower(m.user.email), m.user.id]));
  const keyByNumber = new Map<string, string>();
  for (const k of keys) {
    keyByNumber.set(lower(k.keyId), k.id);
    if (k.visualNumber) keyByNumber.set(lower(k.visualNumber), k.id);
  }
  const storedByPlate = new Map(stored.map((v) => [v.plateKey, v]));

  const rows: PlannedRow[] = [];
  const errors = [...parsed.errors];
  for (const row of parsed.rows) {
    const problems: VehicleCsvError["problems"] = [];
    const { homeDepot, defaultDriver, chargingKey } = row.references;
    let homeDepotId: string | undefined;
    if (homeDepot) {
      const found = depotsByName.get(lower(homeDepot)) ?? [];
      if (found.length === 1) homeDepotId = found[0].id;
      else
        problems.push({
          column: "home_depot",
          message: csvProblem(words, found.length ? "depotAmbiguous" : "unknownDepot", { name: homeDepot }),
        });
    }
    const defaultDriverId = defaultDriver ? driverByEmail.get(lower(defaultDriver)) : undefined;
    if (defaultDriver && !defaultDriverId) {
      problems.push({
        column: "default_driver",
        message: csvProblem(words, "unknownDriver", { email: defaultDriver }),
      });
    }
    const chargingKeyId = chargingKey ? keyByNumber.get(lower(chargingKey)) : undefined;
    if (chargingKey && !chargingKeyId) {
      problems.push({ column: "charging_key", message: csvProblem(words, "unknownKey", { key: chargingKey }) });
    }
    if (problems.length) {
      errors.push({ line: row.line, plate: row.values.plate, problems });
      continue;
    }
    const existing = storedByPlate.get(plateKey(row.values.plate)) ?? null;
    const given = data({ ...row.values, homeDepotId, defaultDriverId, chargingKeyId });
    // A column the file leaves out keeps what is stored; a column it has, even empty, says the new value.
    const next: VehicleData = existing
      ? (Object.fromEntries(
          Object.entries(given).map(([field, value]) => {
            const column = COLUMN_FIELDS.find(([, f]) => f === field)?.[0];
            return [field, !column || columns.has(column) ? value : existing[field as keyof VehicleData]];
          }),
        ) as VehicleData)
      : given;
    const before = existing ? snapshot(existing) : null;
    const after = snapshot(next);
    const changed = before
      ? COLUMN_FIELDS.filter(([, field]) => JSON.stringify(before[field]) !== JSON.stringify(after[field])).map(
          ([column]) => column,
        )
      : [];
    rows.push({
      line: row.line,
      existing,
      data: next,
      change: {
        line: row.line,
        plate: next.plate,
        change: !existing ? "create" : changed.length ? "update" : "unchanged",
        columns: changed,
        retired: Boolean(existing?.retiredAt),
      },
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}

function countsOf(changes: ImportChange[]): Record<ImportChangeKind, number> {
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const c of changes) counts[c.change]++;
  return counts;
}

/** What importing the file would do, row by row, or every row's problems; changes nothing. */
export async function previewVehicleImport(
  fleetId: string,
  csv: string,
  words: VehicleCsvWords = ENGLISH_VEHICLE_CSV_WORDS,
): Promise<ImportPlan> {
  const { rows, errors } = await db.$transaction((tx) => plan(tx, fleetId, csv, words));
  const changes = rows.map((r) => r.change);
  return { changes, errors, counts: countsOf(changes) };
}

/**
 * All or nothing: a file with any problem changes nothing, and its problems come back by line and column in
 * `words` (the reader's). Otherwise a row whose plate the fleet has updates that vehicle; the others are added.
 */
export async function importVehicles(
  fleetId: string,
  csv: string,
  actor: AuditActor,
  words: VehicleCsvWords = ENGLISH_VEHICLE_CSV_WORDS,
): Promise<Record<ImportChangeKind, number>> {
  return db.$transaction(
    async (tx) => {
      const { rows, errors } = await plan(tx, fleetId, csv, words);
      if (errors.length) throw importFailed(errors);
      const entries: Prisma.AuditLogCreateManyInput[] = [];
      for (const row of rows) {
        if (row.change.change === "unchanged") continue;
        const vehicle = row.existing
          ? await tx.vehicle.update({ where: { id: row.existing.id }, data: row.data, include })
          : await tx.vehicle.create({ data: { fleetId, ...row.data }, include });
        await creditKeySessions(tx, vehicle);
        entries.push({
          actorId: actor.actorId,
          ip: actor.ip,
          action: "vehicles.import",
          fleetId,
          objectType: "Vehicle",
          objectId: vehicle.id,
          before: row.existing ? (snapshot(row.existing) as Prisma.InputJsonValue) : undefined,
          after: snapshot(vehicle) as Prisma.InputJsonValue,
        });
      }
      if (entries.length) await tx.auditLog.createMany({ data: entries });
      return countsOf(rows.map((r) => r.change));
    },
    // Thousands of rows, each with its audit entry, take longer than the default five seconds.
    { timeout: 120_000 },
  );
}

function importFailed(errors: VehicleCsvError[]): DomainError {
  return new DomainError(
    "VALIDATION",
    text("vehicles.importFailed", { count: errors.length }),
    {
      csv: errors.slice(0, 20).map((e) =>
        text("vehicles.importLine", {
          line: e.line,
          problems: e.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join(" "),
        }),
      ),
    },
    { rows: errors },
  );
}
