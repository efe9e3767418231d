"use server";
// Booking actions for dispatchers: book, cancel, assign, retry, batch. Thin: access, validation, then lib/bookings.
import { fleetAction } from "@/lib/actions/safe-action";
import { DomainError, text } from "@/lib/errors";
import { db } from "@/lib/db";
import { readerFailureWords } from "@/lib/i18n/failure-words";
import { assignBooking, reassignBooking } from "@/lib/bookings/assign-booking";
import { createBatch, retryBatchItem } from "@/lib/bookings/batches";
import { cancelBooking, resolveUnknownOutcome } from "@/lib/bookings/cancel-booking";
import { findAlternatives, type BookableEvse } from "@/lib/bookings/chargers";
import { linesWithProviderFacts, withProviderFacts } from "@/lib/bookings/verify-charger";
import {
  createBooking,
  requestFromBooking,
  type BookingOutcomeAudit,
  type SubmitOutcome,
} from "@/lib/bookings/create-booking";
import { scheduleBatchRun, scheduleReconcile } from "@/lib/bookings/jobs";
import { defaultBookingProviders } from "@/lib/bookings/providers";
import { getBookingOrThrow } from "@/lib/bookings/records";
import { sayWords } from "@/lib/bookings/stored-text";
import {
  assignBookingInput,
  cancelBookingInput,
  createBatchInput,
  createBookingInput,
  retryBatchItemInput,
  bookingRequestShape,
  reassignBookingInput,
  resolveUnknownOutcomeInput,
  retryBookingInput,
  type BookingRequest,
} from "@/lib/bookings/schemas";
// The bulk actions' own imports (see the end of the file).
import { toFailure, type ActionFailure } from "@/lib/actions/errors";
import { assignBookings, cancelBookings, type BulkOutcome } from "@/lib/bookings/bulk-bookings";
import { assignManyBookingsInput, cancelManyBookingsInput } from "@/lib/bookings/schemas";

const DISPATCH_ROLES = ["ADMIN", "DISPATCHER"] as const;

export interface BookingResult extends SubmitOutcome {
  alternatives?: BookableEvse[];
}

/** Best effort: the cron tick starts the reconciler anyway within a minute. */
async function wakeReconciler() {
  await scheduleReconcile(2).catch((error: unknown) => console.warn("[bookings] could not wake the reconciler", error));
}

/** The provider's refusal in the reader's words. */
async function inReadersWords(outcome: SubmitOutcome): Promise<SubmitOutcome> {
  if (!outcome.failure) return outcome;
  const { code, message, reason } = outcome.failure;
  const said = reason ? sayWords(reason, (await readerFailureWords()).errors) : message;
  return { ...outcome, failure: { code, message: said } };
}

/** The audit entry is written with the write that records the provider's answer (lib/bookings/create-booking.ts). */
async function submitAndExplain(
  fleetId: string,
  createdById: string,
  request: BookingRequest,
  audit: BookingOutcomeAudit,
): Promise<BookingResult> {
  const providers = defaultBookingProviders();
  const outcome = await inReadersWords(await createBooking({ fleetId, createdById, request }, providers, audit));
  await wakeReconciler();
  if (outcome.failure?.code !== "CONFLICT") return outcome;
  const alternatives = await findAlternatives(providers, {
    fleetId,
    provider: request.provider,
    locationId: request.locationId,
    evseUid: request.evseUid,
    latitude: request.charger.latitude,
    longitude: request.charger.longitude,
    window: { start: new Date(request.windowStart), end: new Date(request.windowEnd) },
    charger: request.charger,
  }).catch(() => []);
  return { ...outcome, alternatives };
}

export const createBookingAction = fleetAction({
  name: "bookings.create",
  input: createBookingInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, user, fleetId, actor }) {
    const { fleetId: _fleet, ...request } = input;
    // The browser says which charge point; its facts are the provider's (lib/bookings/verify-charger.ts).
    const verified = await withProviderFacts(defaultBookingProviders(), fleetId, request);
    const who = await actor();
    return submitAndExplain(fleetId, user.id, verified, ({ bookingId, status }) => ({
      ...who,
      action: "bookings.create",
      fleetId,
      objectType: "Booking",
      objectId: bookingId,
      after: {
        status,
        provider: request.provider,
        locationId: request.locationId,
        evseUid: request.evseUid,
        windowStart: request.windowStart,
        windowEnd: request.windowEnd,
        tokenStrategy: request.tokenStrategy,
        vehicleId: request.vehicleId ?? null,
      },
    }));
  },
});

export const retryBookingAction = fleetAction({
  name: "bookings.retry",
  input: retryBookingInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, user, fleetId, actor }) {
    const failed = await getBookingOrThrow(fleetId, input.bookingId);
    if (failed.status !== "FAILED") throw new DomainError("CONFLICT", text("bookings.onlyFailedAgain"));
    const replacement =
      input.evseUid && input.locationId && input.charger
        ? { evseUid: input.evseUid, locationId: input.locationId, charger: input.charger }
        : {};
    // Booking again where it failed keeps the facts the provider gave then; another charge point is looked up.
    const request = replacement.evseUid
      ? await withProviderFacts(defaultBookingProviders(), fleetId, requestFromBooking(failed, replacement))
      : requestFromBooking(failed);
    const who = await actor();
    return submitAndExplain(fleetId, user.id, request, ({ bookingId, status }) => ({
      ...who,
      action: "bookings.retry",
      fleetId,
      objectType: "Booking",
      objectId: bookingId,
      before: { retriedFrom: failed.id },
      after: { status, evseUid: replacement.evseUid ?? failed.evseUid },
    }));
  },
});

export const cancelBookingAction = fleetAction({
  name: "bookings.cancel",
  input: cancelBookingInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, fleetId, actor }) {
    // The audit entry is written with the provider's answer (lib/bookings/cancel-booking.ts).
    return cancelBooking({ ...input, fleetId, actor: await actor() }, defaultBookingProviders());
  },
});

export const resolveUnknownOutcomeAction = fleetAction({
  name: "bookings.resolve-unknown",
  input: resolveUnknownOutcomeInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, fleetId, actor }) {
    const { status, message } = await resolveUnknownOutcome(
      { fleetId, bookingId: input.bookingId, choice: input.choice, actor: await actor() },
      defaultBookingProviders(),
    );
    return { status, message: sayWords(message, (await readerFailureWords()).errors) };
  },
});

export const assignBookingAction = fleetAction({
  name: "bookings.assign",
  input: assignBookingInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, fleetId, actor }) {
    return assignBooking({ fleetId, bookingId: input.bookingId, driverId: input.driverId, actor: await actor() });
  },
});

/** The dispatch board's move: another vehicle (and its default driver) or another driver. */
export const reassignBookingAction = fleetAction({
  name: "bookings.reassign",
  input: reassignBookingInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, fleetId, actor }) {
    const { bookingId, vehicleId, driverId } = input;
    return reassignBooking({ fleetId, bookingId, vehicleId, driverId, actor: await actor() });
  },
});

export const createBatchAction = fleetAction({
  name: "bookings.batch.create",
  input: createBatchInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, user, fleetId, actor }) {
    const fleet = await db.fleet.findUniqueOrThrow({
      where: { id: fleetId },
      select: { petitMondeFleetGroupId: true },
    });
    if (!fleet.petitMondeFleetGroupId && input.items.some((i) => i.tokenStrategy === "GROUP_TOKEN")) {
      throw new DomainError("VALIDATION", text("bookings.noFleetGroup"));
    }
    // Each line's charger facts are the provider's, never the browser's (lib/bookings/verify-charger.ts).
    const items = await linesWithProviderFacts(defaultBookingProviders(), fleetId, input.items);
    const result = await createBatch({ fleetId, createdById: user.id, items, actor: await actor() });
    await scheduleBatchRun();
    return result;
  },
});

/** An offered alternative for a failed batch line, with its facts from the provider, not the browser. */
async function batchReplacement(
  fleetId: string,
  batchId: string,
  position: number,
  offered: { evseUid: string; locationId: string; charger: BookingRequest["charger"] },
) {
  const item = await db.bookingBatchItem.findFirst({ where: { batchId, position, batch: { fleetId } } });
  if (!item) throw new DomainError("NOT_FOUND", text("batches.lineNotFound"));
  const line = bookingRequestShape.parse(item.input);
  const verified = await withProviderFacts(defaultBookingProviders(), fleetId, {
    ...line,
    ...offered,
    connectorId: undefined,
  });
  return { evseUid: verified.evseUid, locationId: verified.locationId, charger: verified.charger };
}

export const retryBatchItemAction = fleetAction({
  name: "bookings.batch.retry-item",
  input: retryBatchItemInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, fleetId, actor }) {
    const replacement =
      input.evseUid && input.locationId && input.charger
        ? await batchReplacement(fleetId, input.batchId, input.position, {
            evseUid: input.evseUid,
            locationId: input.locationId,
            charger: input.charger,
          })
        : undefined;
    const position = input.position;
    await retryBatchItem({ fleetId, batchId: input.batchId, position, replacement, actor: await actor() });
    await scheduleBatchRun();
    return { queued: true };
  },
});

// ── Bulk actions of the bookings list: each selected booking handled exactly as the single action handles
// it (its audit entry, its provider call, its notice), and answered per booking (lib/bookings/bulk-bookings.ts).

/** One booking's outcome of a bulk action, its failure in the reader's words. */
export type BulkBookingOutcome<R> = ({ ok: true } & R) | { ok: false; error: ActionFailure };

async function inWords<R>(name: string, outcomes: BulkOutcome<R>[]) {
  const words = await readerFailureWords();
  return outcomes.map(({ bookingId, ...outcome }) => ({
    bookingId,
    outcome: (outcome.ok
      ? { ok: true, ...outcome.result }
      : { ok: false, error: toFailure(outcome.error, name, words) }) as BulkBookingOutcome<R>,
  }));
}

export const cancelManyBookingsAction = fleetAction({
  name: "bookings.cancel-many",
  input: cancelManyBookingsInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, fleetId, actor }) {
    const outcomes = await cancelBookings({ ...input, fleetId, actor: await actor() }, defaultBookingProviders());
    return { outcomes: await inWords("bookings.cancel-many", outcomes) };
  },
});

export const assignManyBookingsAction = fleetAction({
  name: "bookings.assign-many",
  input: assignManyBookingsInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, fleetId, actor }) {
    const outcomes = await assignBookings({ ...input, fleetId, actor: await actor() });
    return { outcomes: await inWords("bookings.assign-many", outcomes) };
  },
});
// ── end of the bulk actions
