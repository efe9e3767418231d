// Batch bookings: stored as lines first, then submitted one by one at least 600 ms apart by whichever
// instance holds the runner lease — so a restart, or another instance, resumes the lines still QUEUED or
// half-done, and no line is ever booked by two runners.
import "server-only";
import { Prisma, type BatchItemStatus, type Booking } from "@/generated/prisma/client";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError, isDomainError, text, type FieldMessage } from "@/lib/errors";
import { db } from "@/lib/db";
import type { Translate } from "@/lib/i18n/messages";
import { logWithRequestId } from "@/lib/observability/request-scope";
import { fits } from "@/lib/vehicles/compatibility";
import { findAlternatives, type BookableEvse } from "./chargers";
import { fittingVehicleId, storeBooking, submitBooking } from "./create-booking";
import { acquireLease, leaseOwner } from "./leases";
import type { BookingProviders } from "./providers";
import { bookingRequestShape, type BookingRequest, type ChargerSnapshot } from "./schemas";
import { finishBatchIfDone } from "./status-effects";
import { lineErrorColumns, sayStored, type StoredWords } from "./stored-text";

/** Petit Monde asks batch clients to space bookings at least this far apart. */
export const BATCH_SPACING_MS = 600;
/**
 * The few milliseconds of database work between "our turn" and the request leaving, kept on the safe side (the
 * client's own booking-creation spacing, 605 ms, holds whatever this runner does).
 */
const SPACING_MARGIN_MS = 10;
/** How long before its turn the runner claims and stores the next line. */
const PREPARE_AHEAD_MS = 100;
export const RUNNER_LEASE = "lease:bookings.batch-runner";
/** The runner renews its lease while it works; one whose process died hands over this long after. */
export const RUNNER_LEASE_SECONDS = 10;
/**
 * A RUNNING line without a booking this old was claimed by a runner that has since lost its lease (only
 * the lease holder claims, and it stores the booking a few milliseconds after the claim).
 */
const ABANDONED_AFTER_MS = RUNNER_LEASE_SECONDS * 1000;
/**
 * How long after a line failed a page waits for its alternatives: the runner's spacing and one search take
 * seconds; a line failed by the reconciler (no runner to search) gets none, and the page stops asking.
 */
const ALTERNATIVES_WAIT_MS = 60_000;

/** Stores the batch and its lines; with an actor, the audit entry is written in the same transaction. */
export async function createBatch(args: {
  fleetId: string;
  createdById: string;
  items: BookingRequest[];
  actor?: AuditActor;
}): Promise<{ batchId: string; count: number }> {
  await checkLines(args.fleetId, args.items);
  const actor = args.actor;
  const batch = await db.$transaction(async (tx) => {
    const created = await tx.bookingBatch.create({
      data: {
        fleetId: args.fleetId,
        createdById: args.createdById,
        items: {
          create: args.items.map((input, position) => ({
            position,
            input: input as unknown as Prisma.InputJsonValue,
            status: "QUEUED" as const,
          })),
        },
      },
    });
    if (actor) {
      await writeAudit(
        {
          ...actor,
          action: "bookings.batch.create",
          fleetId: args.fleetId,
          objectType: "BookingBatch",
          objectId: created.id,
          after: { count: args.items.length },
        },
        tx,
      );
    }
    return created;
  });
  return { batchId: batch.id, count: args.items.length };
}

/**
 * Each line's driver must drive for the fleet, and its vehicle be one a single booking could be for: checked
 * before anything is stored, each refusal beside its own line.
 */
async function checkLines(fleetId: string, items: BookingRequest[]): Promise<void> {
  const wrong = [...(await lineDriverErrors(fleetId, items)), ...(await lineVehicleErrors(fleetId, items))];
  if (wrong.length > 0) throw new DomainError("VALIDATION", text("fieldsNeedAttention"), Object.fromEntries(wrong));
}

async function lineDriverErrors(fleetId: string, items: BookingRequest[]): Promise<Array<[string, FieldMessage[]]>> {
  const driverIds = [...new Set(items.flatMap((i) => (i.driverId ? [i.driverId] : [])))];
  if (driverIds.length === 0) return [];
  const members = await db.membership.findMany({
    where: { fleetId, role: "DRIVER", userId: { in: driverIds } },
    select: { userId: true },
  });
  const drivers = new Set(members.map((m) => m.userId));
  return items.flatMap((item, index): Array<[string, FieldMessage[]]> =>
    item.driverId && !drivers.has(item.driverId)
      ? [[`items.${index}.driverId`, [text("bookings.chooseFleetDriver")]]]
      : [],
  );
}

/** The single booking's own check of each line's vehicle, its field errors moved beside the line; one vehicle, one line. */
async function lineVehicleErrors(fleetId: string, items: BookingRequest[]): Promise<Array<[string, FieldMessage[]]>> {
  const wrong: Array<[string, FieldMessage[]]> = [];
  const lineOf = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    if (!item.vehicleId) continue;
    const earlier = lineOf.get(item.vehicleId);
    if (earlier !== undefined) {
      wrong.push([`items.${index}.vehicleId`, [text("batches.vehicleTwice", { line: earlier + 1 })]]);
      continue;
    }
    lineOf.set(item.vehicleId, index);
    try {
      await fittingVehicleId(db, fleetId, item.vehicleId, item.charger.connectorStandard);
    } catch (error) {
      if (!isDomainError(error) || !error.fieldErrors) throw error;
      for (const [field, messages] of Object.entries(error.fieldErrors))
        wrong.push([`items.${index}.${field}`, messages]);
    }
  }
  return wrong;
}

/** Lines no runner is working on: QUEUED, or claimed by a runner that never stored their booking. */
const WAITING_LINES: Prisma.BookingBatchItemWhereInput = {
  OR: [{ status: "QUEUED" }, { status: "RUNNING", bookingId: null }],
};

/** Claims the next line to submit, oldest batch first; null when nothing is waiting. */
async function claimNextItem(now: Date) {
  const candidates = await db.bookingBatchItem.findMany({
    where: {
      OR: [
        { status: "QUEUED" },
        { status: "RUNNING", bookingId: null, updatedAt: { lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } },
      ],
    },
    orderBy: [{ batch: { createdAt: "asc" } }, { position: "asc" }],
    take: 5,
    include: { batch: { select: { fleetId: true, createdById: true } } },
  });
  for (const item of candidates) {
    // The claim's own time marks it: only the runner holding this claim can link a booking to the line.
    const claimedAt = new Date();
    const { count } = await db.bookingBatchItem.updateMany({
      where: { id: item.id, status: item.status, updatedAt: item.updatedAt },
      data: { status: "RUNNING", ...lineErrorColumns(null), updatedAt: claimedAt },
    });
    if (count === 1) return { ...item, claimedAt };
  }
  return null;
}

type ClaimedItem = NonNullable<Awaited<ReturnType<typeof claimNextItem>>>;

/** Another runner claimed the line since this one did: it books the line, this one leaves it alone. */
class LineTakenError extends Error {}

/**
 * Stores the line's booking and links it to the line in one transaction, only while the line is still
 * this runner's claim: a runner that stalled past its lease cannot add a second booking to a line.
 */
async function storeLineBooking(item: ClaimedItem, request: BookingRequest): Promise<Booking> {
  return db.$transaction(async (tx) => {
    const booking = await storeBooking(
      { fleetId: item.batch.fleetId, createdById: item.batch.createdById, request },
      tx,
    );
    const { count } = await tx.bookingBatchItem.updateMany({
      where: { id: item.id, status: "RUNNING", bookingId: null, updatedAt: item.claimedAt },
      data: { bookingId: booking.id },
    });
    if (count === 0) throw new LineTakenError(); // rolls the booking back
    return booking;
  });
}

/** Seconds until a line claimed but never stored may be claimed again; null when there is none. */
async function secondsUntilAbandoned(now: number): Promise<number | null> {
  const oldest = await db.bookingBatchItem.findFirst({
    where: { status: "RUNNING", bookingId: null },
    orderBy: { updatedAt: "asc" },
    select: { updatedAt: true },
  });
  if (!oldest) return null;
  return Math.max(1, Math.ceil((oldest.updatedAt.getTime() + ABANDONED_AFTER_MS - now) / 1000));
}

export interface RunnerOptions {
  spacingMs?: number;
  /** Stop after this long (the job re-enqueues itself), so one job never runs for hours. */
  maxRunMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Identifies this runner in the lease (default: host, pid and a random suffix). */
  owner?: string;
  /** Called once the runner has claimed its first line, e.g. to have another instance watch for its death. */
  onWorkStarted?: () => Promise<void>;
}

export interface RunnerResult {
  processed: number;
  /** false when another instance holds the runner lease. */
  ran: boolean;
  /** true when lines are still waiting (time ran out, or the lease was lost). */
  more: boolean;
  /** The lease owner this run used. */
  owner: string;
  /** While it ran: from just after taking the lease to just before releasing it (ISO instants). */
  heldFrom?: string;
  heldUntil?: string;
  /**
   * When a run should look again though this one had nothing to do: lines wait behind another runner's
   * lease (which passes on if that runner died), or behind a claim that is not yet abandoned. null: no need.
   */
  checkAgainInSeconds: number | null;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Submits waiting batch lines one at a time, at least `spacingMs` apart (provider calls, not DB work). */
export async function runBatchItems(providers: BookingProviders, options: RunnerOptions = {}): Promise<RunnerResult> {
  const {
    spacingMs = BATCH_SPACING_MS,
    maxRunMs = 4 * 60_000,
    sleep = defaultSleep,
    owner = leaseOwner(),
    onWorkStarted,
  } = options;
  const lease = await acquireLease(RUNNER_LEASE, RUNNER_LEASE_SECONDS, owner);
  if (!lease) {
    const waiting = (await db.bookingBatchItem.count({ where: WAITING_LINES })) > 0;
    return { processed: 0, ran: false, more: true, owner, checkAgainInSeconds: waiting ? RUNNER_LEASE_SECONDS : null };
  }
  const heldFrom = new Date().toISOString();
  const started = Date.now();
  let lastCallAt = 0;
  let processed = 0;
  // Claiming and storing the next line take a few milliseconds of database work: they are done in the last
  // moments of the wait, so the calls follow each other at the spacing rather than at the spacing plus that work.
  const waitForTurn = async (ahead = 0) => {
    const wait = lastCallAt + spacingMs + SPACING_MARGIN_MS - ahead - Date.now();
    if (wait > 0) await sleep(wait);
  };
  // Every provider call of the runner (a booking, or a search for alternatives) waits its turn.
  const spaced = async <T>(call: () => Promise<T>): Promise<T> => {
    await waitForTurn();
    lastCallAt = Date.now();
    return call();
  };
  const work = async (): Promise<Pick<RunnerResult, "more" | "checkAgainInSeconds">> => {
    while (Date.now() - started < maxRunMs) {
      if (lease.lost) return { more: true, checkAgainInSeconds: null };
      // Nothing left: done now, not after one more turn.
      if (processed > 0 && !(await db.bookingBatchItem.findFirst({ where: WAITING_LINES, select: { id: true } })))
        return { more: false, checkAgainInSeconds: await secondsUntilAbandoned(Date.now()) };
      // Most of the turn is waited for before the claim, so a runner that dies while waiting leaves its next
      // line QUEUED for the next runner rather than half-done.
      await waitForTurn(PREPARE_AHEAD_MS);
      const item = await claimNextItem(new Date());
      if (!item) return { more: false, checkAgainInSeconds: await secondsUntilAbandoned(Date.now()) };
      if (processed === 0 && onWorkStarted)
        await onWorkStarted().catch((error: unknown) =>
          logWithRequestId("error", { event: "bookings.batch_watch_failed", err: error }, "batch watch not scheduled"),
        );
      await runOneItem(item, providers, spaced);
      processed++;
    }
    return { more: true, checkAgainInSeconds: null };
  };
  let outcome: Pick<RunnerResult, "more" | "checkAgainInSeconds">;
  let heldUntil: string;
  try {
    outcome = await work();
  } finally {
    heldUntil = new Date().toISOString();
    await lease.release();
  }
  return { processed, ran: true, owner, heldFrom, heldUntil, ...outcome };
}

async function runOneItem(
  item: ClaimedItem,
  providers: BookingProviders,
  spaced: <T>(call: () => Promise<T>) => Promise<T>,
): Promise<void> {
  const parsed = bookingRequestShape.safeParse(item.input);
  if (!parsed.success) {
    await settleItem(item.id, "FAILED", text("batches.runner.invalidLine"));
    return;
  }
  const request = parsed.data;
  try {
    const booking = await storeLineBooking(item, request);
    const outcome = await spaced(() => submitBooking(booking.id, providers));
    if (outcome.status === "SUBMITTING") return; // the reconciler settles the line when the booking settles
    if (outcome.status === "OUTCOME_UNKNOWN") return; // settled with its booking by the status change
    if (outcome.status !== "FAILED") return settleItem(item.id, "SUCCEEDED", null);
    // The booking's failure may have settled the line already; its alternatives follow here, and always
    // as a list (empty: none, or none found), so a page knows when the search is over (see lookingForAlternatives).
    let alternatives: BookableEvse[] = [];
    if (outcome.failure?.code === "CONFLICT") {
      alternatives = await spaced(() => alternativesFor(request, item.batch.fleetId, providers)).catch(
        (error: unknown) => {
          logWithRequestId(
            "warn",
            { event: "bookings.batch_alternatives_failed", itemId: item.id, err: error },
            "no alternatives found for a taken charge point",
          );
          return [];
        },
      );
    }
    await settleItem(item.id, "FAILED", outcome.failure?.reason ?? text("batches.runner.refused"), alternatives);
  } catch (error) {
    if (error instanceof LineTakenError) return;
    const message =
      error instanceof DomainError
        ? (Object.values(error.fieldErrors ?? {}).flat()[0] ?? error.text ?? error.message)
        : text("batches.runner.unexpected");
    if (!(error instanceof DomainError)) {
      logWithRequestId(
        "error",
        { event: "bookings.batch_line_failed", itemId: item.id, err: error },
        "batch line failed",
      );
    }
    await settleItem(item.id, "FAILED", message);
  }
}

function alternativesFor(
  request: BookingRequest,
  fleetId: string,
  providers: BookingProviders,
): Promise<BookableEvse[]> {
  return findAlternatives(providers, {
    fleetId,
    provider: request.provider,
    locationId: request.locationId,
    evseUid: request.evseUid,
    latitude: request.charger.latitude,
    longitude: request.charger.longitude,
    window: { start: new Date(request.windowStart), end: new Date(request.windowEnd) },
    charger: request.charger,
  });
}

async function settleItem(
  id: string,
  status: BatchItemStatus,
  error: StoredWords | null,
  alternatives?: BookableEvse[],
): Promise<void> {
  // The line and its batch's end in one write: a crash in between cannot leave a finished batch open.
  await db.$transaction(async (tx) => {
    await tx.bookingBatchItem.update({
      where: { id },
      data: {
        status,
        ...lineErrorColumns(error),
        alternatives: alternatives ? (alternatives as unknown as Prisma.InputJsonValue) : undefined,
      },
    });
    await finishBatchIfDone(id, tx);
  });
}

/** Puts a failed line back in the queue, optionally at another charge point (an offered alternative). */
/** With an actor, the audit entry is written in the transaction that queues the line again. */
export async function retryBatchItem(args: {
  fleetId: string;
  batchId: string;
  position: number;
  replacement?: { locationId: string; evseUid: string; charger: ChargerSnapshot };
  actor?: AuditActor;
}): Promise<void> {
  const item = await db.bookingBatchItem.findFirst({
    where: { batchId: args.batchId, position: args.position, batch: { fleetId: args.fleetId } },
  });
  if (!item) throw new DomainError("NOT_FOUND", text("batches.lineNotFound"));
  if (item.status !== "FAILED") throw new DomainError("CONFLICT", text("batches.onlyFailedRetried"));
  const input = bookingRequestShape.parse(item.input);
  const next: BookingRequest = args.replacement
    ? {
        ...input,
        locationId: args.replacement.locationId,
        evseUid: args.replacement.evseUid,
        connectorId: undefined,
        charger: args.replacement.charger,
      }
    : input;
  // A line for a vehicle is retried only where the vehicle can charge (an alternative may take another plug).
  if (next.vehicleId) await fittingVehicleId(db, args.fleetId, next.vehicleId, next.charger.connectorStandard);
  const actor = args.actor;
  await db.$transaction(async (tx) => {
    await tx.bookingBatchItem.update({
      where: { id: item.id },
      // The failed booking stays in the list as FAILED; the retry makes a new one with a new external id.
      data: {
        status: "QUEUED",
        ...lineErrorColumns(null),
        alternatives: Prisma.DbNull,
        bookingId: null,
        input: next as unknown as Prisma.InputJsonValue,
      },
    });
    await tx.bookingBatch.update({ where: { id: args.batchId }, data: { finishedAt: null } });
    if (actor) {
      await writeAudit(
        {
          ...actor,
          action: "bookings.batch.retry-item",
          fleetId: args.fleetId,
          objectType: "BookingBatch",
          objectId: args.batchId,
          after: { retriedPosition: args.position, evseUid: args.replacement?.evseUid },
        },
        tx,
      );
    }
  });
}

export interface BatchItemView {
  position: number;
  status: BatchItemStatus;
  error: string | null;
  alternatives: BookableEvse[];
  /** A failed line whose runner has not yet said what else is free: a page keeps asking a while longer. */
  lookingForAlternatives: boolean;
  chargerName: string;
  /** The charge point itself: its EVSE id (or the provider's uid) and connector. */
  evseId: string;
  connectorLabel: string | null;
  timeZone: string;
  driverName: string | null;
  /** The vehicle the line is for, by its plate (and name). */
  vehicle: { plate: string; name: string | null } | null;
  windowStart: string;
  windowEnd: string;
  booking: { id: string; status: string } | null;
}

export interface BatchView {
  id: string;
  createdAt: string;
  finishedAt: string | null;
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  /** Lines whose booking waits for a person's choice (keep or remove). */
  unknown: number;
  items: BatchItemView[];
}

/**
 * The reader's translator of the `errors` messages. Loaded when a batch is read, never by the runner: its own
 * process (a job, or a restarted instance) has no request to read a reader from.
 */
async function readerErrors(): Promise<Translate> {
  const { readerFailureWords } = await import("@/lib/i18n/failure-words");
  return (await readerFailureWords()).errors;
}

export async function getBatchOrThrow(fleetId: string, batchId: string): Promise<BatchView> {
  const batch = await db.bookingBatch.findFirst({
    where: { id: batchId, fleetId },
    include: { items: { orderBy: { position: "asc" }, include: { booking: { select: { id: true, status: true } } } } },
  });
  if (!batch) throw new DomainError("NOT_FOUND", text("batches.notFound"));
  const inputs = batch.items.map((item) => item.input as unknown as BookingRequest);
  const driverIds = [...new Set(inputs.flatMap((i) => (i.driverId ? [i.driverId] : [])))];
  const drivers = driverIds.length
    ? await db.user.findMany({
        where: { id: { in: driverIds }, memberships: { some: { fleetId } } },
        select: { id: true, name: true },
      })
    : [];
  const driverName = new Map(drivers.map((d) => [d.id, d.name]));
  const vehicleIds = [...new Set(inputs.flatMap((i) => (i.vehicleId ? [i.vehicleId] : [])))];
  const vehicles = vehicleIds.length
    ? await db.vehicle.findMany({
        where: { id: { in: vehicleIds }, fleetId },
        select: { id: true, plate: true, name: true, connectorStandards: true },
      })
    : [];
  const vehicleOf = new Map(vehicles.map((v) => [v.id, v]));
  const errors = await readerErrors();
  const items = batch.items.map((item, index): BatchItemView => {
    const input = inputs[index];
    const vehicle = input.vehicleId ? vehicleOf.get(input.vehicleId) : undefined;
    return {
      position: item.position,
      status: item.status,
      error: sayStored(item.error, item.errorText, errors),
      alternatives: usableAlternatives(item.alternatives, vehicle),
      lookingForAlternatives:
        item.status === "FAILED" &&
        item.alternatives === null &&
        item.bookingId !== null &&
        Date.now() - item.updatedAt.getTime() < ALTERNATIVES_WAIT_MS,
      chargerName: input.charger?.name ?? input.locationId,
      evseId: input.charger?.evseId ?? input.evseUid,
      connectorLabel: input.charger?.connectorLabel ?? null,
      timeZone: input.charger?.timeZone ?? "Europe/Berlin",
      driverName: input.driverId ? (driverName.get(input.driverId) ?? null) : null,
      vehicle: vehicle ? { plate: vehicle.plate, name: vehicle.name } : null,
      windowStart: input.windowStart,
      windowEnd: input.windowEnd,
      booking: item.booking,
    };
  });
  const succeeded = items.filter((i) => i.status === "SUCCEEDED").length;
  const failed = items.filter((i) => i.status === "FAILED").length;
  const unknown = items.filter((i) => i.status === "OUTCOME_UNKNOWN").length;
  return {
    id: batch.id,
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    total: items.length,
    done: succeeded + failed + unknown,
    succeeded,
    failed,
    unknown,
    items,
  };
}

/** A line's stored alternatives; for a vehicle's line, only those whose connector it takes. */
function usableAlternatives(stored: Prisma.JsonValue, vehicle?: { connectorStandards: string[] }): BookableEvse[] {
  const alternatives = (stored as unknown as BookableEvse[] | null) ?? [];
  return vehicle
    ? alternatives.filter((a) => fits(vehicle, { standard: a.charger.connectorStandard ?? null }))
    : alternatives;
}

export async function listBatches(
  fleetId: string,
): Promise<Array<{ id: string; createdAt: string; finishedAt: string | null; total: number }>> {
  const batches = await db.bookingBatch.findMany({
    where: { fleetId },
    orderBy: { createdAt: "desc" },
    take: 20,
    include: { _count: { select: { items: true } } },
  });
  return batches.map((b) => ({
    id: b.id,
    createdAt: b.createdAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
    total: b._count.items,
  }));
}
