// Batch bookings: stored as lines first, then submitted one by one at least 600 ms apart by whichever
// instance holds the runner lease — so a restart resumes the lines still QUEUED or half-done.
import "server-only";
import { randomUUID } from "node:crypto";
import type { BatchItemStatus, Prisma } from "@/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { db } from "@/lib/db";
import { findAlternatives, type BookableEvse } from "./chargers";
import { storeBooking, submitBooking } from "./create-booking";
import { holdLease, releaseLease } from "./leases";
import type { BookingProviders } from "./providers";
import { bookingRequestShape, type BookingRequest, type ChargerSnapshot } from "./schemas";
import { finishBatchIfDone } from "./status-effects";

/** Petit Monde asks batch clients to space bookings at least this far apart. */
export const BATCH_SPACING_MS = 600;
/** The few milliseconds of database work between "our turn" and the request leaving, kept on the safe side. */
const SPACING_MARGIN_MS = 15;
const RUNNER_LEASE = "lease:bookings.batch-runner";
const LEASE_TTL_SECONDS = 15;
/** A RUNNING line without a booking this old was left by a runner that died before storing it. */
const ABANDONED_AFTER_MS = 30_000;

export async function createBatch(args: {
  fleetId: string;
  createdById: string;
  items: BookingRequest[];
}): Promise<{ batchId: string; count: number }> {
  await checkLineDrivers(args.fleetId, args.items);
  const batch = await db.bookingBatch.create({
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
  return { batchId: batch.id, count: args.items.length };
}

/** Each line's driver must drive for the fleet: checked before anything is stored, refused beside its line. */
async function checkLineDrivers(fleetId: string, items: BookingRequest[]): Promise<void> {
  const driverIds = [...new Set(items.flatMap((i) => (i.driverId ? [i.driverId] : [])))];
  if (driverIds.length === 0) return;
  const members = await db.membership.findMany({
    where: { fleetId, role: "DRIVER", userId: { in: driverIds } },
    select: { userId: true },
  });
  const drivers = new Set(members.map((m) => m.userId));
  const wrong = items.flatMap((item, index): Array<[string, string[]]> =>
    item.driverId && !drivers.has(item.driverId)
      ? [[`items.${index}.driverId`, ["Choose a driver of this fleet"]]]
      : [],
  );
  if (wrong.length > 0)
    throw new DomainError("VALIDATION", "Some fields need your attention.", Object.fromEntries(wrong));
}

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
    const { count } = await db.bookingBatchItem.updateMany({
      where: { id: item.id, status: item.status, updatedAt: item.updatedAt },
      data: { status: "RUNNING", error: null },
    });
    if (count === 1) return item;
  }
  return null;
}

export interface RunnerOptions {
  spacingMs?: number;
  /** Stop after this long (the job re-enqueues itself), so one job never runs for hours. */
  maxRunMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Identifies this runner in the lease. */
  owner?: string;
}

export interface RunnerResult {
  processed: number;
  /** false when another instance holds the runner lease. */
  ran: boolean;
  /** true when lines are still waiting (time ran out). */
  more: boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Submits waiting batch lines one at a time, at least `spacingMs` apart (provider calls, not DB work). */
export async function runBatchItems(providers: BookingProviders, options: RunnerOptions = {}): Promise<RunnerResult> {
  const { spacingMs = BATCH_SPACING_MS, maxRunMs = 4 * 60_000, sleep = defaultSleep, owner = randomUUID() } = options;
  if (!(await holdLease(RUNNER_LEASE, owner, LEASE_TTL_SECONDS))) return { processed: 0, ran: false, more: true };
  const started = Date.now();
  let lastCallAt = 0;
  let processed = 0;
  // Every provider call of the runner (a booking, or a search for alternatives) waits its turn.
  const spaced = async <T>(call: () => Promise<T>): Promise<T> => {
    const wait = lastCallAt + spacingMs + SPACING_MARGIN_MS - Date.now();
    if (wait > 0) await sleep(wait);
    lastCallAt = Date.now();
    return call();
  };
  try {
    while (Date.now() - started < maxRunMs) {
      if (!(await holdLease(RUNNER_LEASE, owner, LEASE_TTL_SECONDS))) return { processed, ran: true, more: true };
      const item = await claimNextItem(new Date());
      if (!item) return { processed, ran: true, more: false };
      await runOneItem(item, providers, spaced);
      processed++;
    }
    return { processed, ran: true, more: true };
  } finally {
    await releaseLease(RUNNER_LEASE, owner);
  }
}

async function runOneItem(
  item: { id: string; input: Prisma.JsonValue; batch: { fleetId: string; createdById: string } },
  providers: BookingProviders,
  spaced: <T>(call: () => Promise<T>) => Promise<T>,
): Promise<void> {
  const parsed = bookingRequestShape.safeParse(item.input);
  if (!parsed.success) {
    await settleItem(item.id, "FAILED", "This line is not a valid booking request.");
    return;
  }
  const request = parsed.data;
  try {
    const booking = await storeBooking({
      fleetId: item.batch.fleetId,
      createdById: item.batch.createdById,
      request,
      batchItemId: item.id,
    });
    const outcome = await spaced(() => submitBooking(booking.id, providers));
    if (outcome.status === "SUBMITTING") return; // the reconciler settles the line when the booking settles
    if (outcome.status === "OUTCOME_UNKNOWN") return; // settled with its booking by the status change
    if (outcome.status !== "FAILED") return settleItem(item.id, "SUCCEEDED", null);
    let alternatives: BookableEvse[] | undefined;
    if (outcome.failure?.code === "CONFLICT") {
      alternatives = await spaced(() => alternativesFor(request, item.batch.fleetId, providers)).catch(() => undefined);
    }
    await settleItem(item.id, "FAILED", outcome.failure?.message ?? "The provider refused the booking.", alternatives);
  } catch (error) {
    const message =
      error instanceof DomainError
        ? (Object.values(error.fieldErrors ?? {}).flat()[0] ?? error.message)
        : "Unexpected error; retry this line.";
    if (!(error instanceof DomainError)) console.error(`[bookings] batch line ${item.id} failed`, error);
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
  error: string | null,
  alternatives?: BookableEvse[],
): Promise<void> {
  await db.bookingBatchItem.update({
    where: { id },
    data: {
      status,
      error,
      alternatives: alternatives ? (alternatives as unknown as Prisma.InputJsonValue) : undefined,
    },
  });
  await finishBatchIfDone(id);
}

/** Puts a failed line back in the queue, optionally at another charge point (an offered alternative). */
export async function retryBatchItem(args: {
  fleetId: string;
  batchId: string;
  position: number;
  replacement?: { locationId: string; evseUid: string; charger: ChargerSnapshot };
}): Promise<void> {
  const item = await db.bookingBatchItem.findFirst({
    where: { batchId: args.batchId, position: args.position, batch: { fleetId: args.fleetId } },
  });
  if (!item) throw new DomainError("NOT_FOUND", "This batch line does not exist in your fleet.");
  if (item.status !== "FAILED") throw new DomainError("CONFLICT", "Only failed lines can be retried.");
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
  await db.$transaction([
    db.bookingBatchItem.update({
      where: { id: item.id },
      // The failed booking stays in the list as FAILED; the retry makes a new one with a new external id.
      data: {
        status: "QUEUED",
        error: null,
        alternatives: undefined,
        bookingId: null,
        input: next as unknown as Prisma.InputJsonValue,
      },
    }),
    db.bookingBatch.update({ where: { id: args.batchId }, data: { finishedAt: null } }),
  ]);
}

export interface BatchItemView {
  position: number;
  status: BatchItemStatus;
  error: string | null;
  alternatives: BookableEvse[];
  chargerName: string;
  /** The charge point itself: its EVSE id (or the provider's uid) and connector. */
  evseId: string;
  connectorLabel: string | null;
  timeZone: string;
  driverName: string | null;
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

export async function getBatchOrThrow(fleetId: string, batchId: string): Promise<BatchView> {
  const batch = await db.bookingBatch.findFirst({
    where: { id: batchId, fleetId },
    include: { items: { orderBy: { position: "asc" }, include: { booking: { select: { id: true, status: true } } } } },
  });
  if (!batch) throw new DomainError("NOT_FOUND", "This batch does not exist in your fleet.");
  const inputs = batch.items.map((item) => item.input as unknown as BookingRequest);
  const driverIds = [...new Set(inputs.flatMap((i) => (i.driverId ? [i.driverId] : [])))];
  const drivers = driverIds.length
    ? await db.user.findMany({
        where: { id: { in: driverIds }, memberships: { some: { fleetId } } },
        select: { id: true, name: true },
      })
    : [];
  const driverName = new Map(drivers.map((d) => [d.id, d.name]));
  const items = batch.items.map((item, index): BatchItemView => {
    const input = inputs[index];
    return {
      position: item.position,
      status: item.status,
      error: item.error,
      alternatives: (item.alternatives as unknown as BookableEvse[] | null) ?? [],
      chargerName: input.charger?.name ?? input.locationId,
      evseId: input.charger?.evseId ?? input.evseUid,
      connectorLabel: input.charger?.connectorLabel ?? null,
      timeZone: input.charger?.timeZone ?? "Europe/Berlin",
      driverName: input.driverId ? (driverName.get(input.driverId) ?? null) : null,
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
