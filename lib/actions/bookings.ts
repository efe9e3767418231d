"use server";
// Booking actions for dispatchers: book, cancel, assign, retry, batch. Thin: access, validation, then lib/bookings.
import { fleetAction } from "@/lib/actions/safe-action";
import { DomainError } from "@/lib/errors";
import { db } from "@/lib/db";
import { assignBooking } from "@/lib/bookings/assign-booking";
import { createBatch, retryBatchItem } from "@/lib/bookings/batches";
import { cancelBooking, resolveUnknownOutcome } from "@/lib/bookings/cancel-booking";
import { findAlternatives, findBookableEvse, type BookableEvse } from "@/lib/bookings/chargers";
import { createBooking, requestFromBooking, type SubmitOutcome } from "@/lib/bookings/create-booking";
import { scheduleBatchRun, scheduleReconcile } from "@/lib/bookings/jobs";
import { defaultBookingProviders } from "@/lib/bookings/providers";
import { getBookingOrThrow } from "@/lib/bookings/records";
import {
  assignBookingInput,
  cancelBookingInput,
  createBatchInput,
  createBookingInput,
  retryBatchItemInput,
  resolveUnknownOutcomeInput,
  retryBookingInput,
  type BookingRequest,
} from "@/lib/bookings/schemas";

const DISPATCH_ROLES = ["ADMIN", "DISPATCHER"] as const;

export interface BookingResult extends SubmitOutcome {
  alternatives?: BookableEvse[];
}

/** Best effort: the cron tick starts the reconciler anyway within a minute. */
async function wakeReconciler() {
  await scheduleReconcile(2).catch((error: unknown) => console.warn("[bookings] could not wake the reconciler", error));
}

async function submitAndExplain(fleetId: string, createdById: string, request: BookingRequest): Promise<BookingResult> {
  const providers = defaultBookingProviders();
  const outcome = await createBooking({ fleetId, createdById, request }, providers);
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
  async run({ input, user, fleetId, audit }) {
    const { fleetId: _fleet, ...request } = input;
    // What is stored about the charger comes from its provider (or the fleet's own depot chargers), never
    // from the browser: the browser says which charge point, the provider says what it is. Looked up for
    // the window (with its price estimate), else whatever its availability — whether the window is free
    // is for the provider to say when booking, so a taken one still gets alternatives.
    const providers = defaultBookingProviders();
    const window = { start: new Date(request.windowStart), end: new Date(request.windowEnd) };
    const lookup = {
      ...request,
      fleetId,
      latitude: request.charger.latitude,
      longitude: request.charger.longitude,
      positionKnown: request.charger.positionKnown,
    };
    const found =
      (await findBookableEvse(providers, { ...lookup, window })) ?? (await findBookableEvse(providers, lookup));
    if (!found) {
      throw new DomainError("VALIDATION", "Some fields need your attention.", {
        evseUid: [
          "Neither the provider nor your fleet's depot chargers list this charge point any more. Search again and pick one.",
        ],
      });
    }
    if (!found.charger.reservable) {
      throw new DomainError("VALIDATION", "Some fields need your attention.", {
        evseUid: ["This charge point cannot be reserved; pick another one"],
      });
    }
    const verified: BookingRequest = { ...request, charger: found.charger };
    const result = await submitAndExplain(fleetId, user.id, verified);
    audit({
      objectType: "Booking",
      objectId: result.bookingId,
      after: {
        status: result.status,
        provider: request.provider,
        locationId: request.locationId,
        evseUid: request.evseUid,
        windowStart: request.windowStart,
        windowEnd: request.windowEnd,
        tokenStrategy: request.tokenStrategy,
      },
    });
    return result;
  },
});

export const retryBookingAction = fleetAction({
  name: "bookings.retry",
  input: retryBookingInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, user, fleetId, audit }) {
    const failed = await getBookingOrThrow(fleetId, input.bookingId);
    if (failed.status !== "FAILED") throw new DomainError("CONFLICT", "Only failed bookings can be booked again.");
    const replacement =
      input.evseUid && input.locationId && input.charger
        ? { evseUid: input.evseUid, locationId: input.locationId, charger: input.charger }
        : {};
    const result = await submitAndExplain(fleetId, user.id, requestFromBooking(failed, replacement));
    audit({
      objectType: "Booking",
      objectId: result.bookingId,
      before: { retriedFrom: failed.id },
      after: { status: result.status, evseUid: replacement.evseUid ?? failed.evseUid },
    });
    return result;
  },
});

export const cancelBookingAction = fleetAction({
  name: "bookings.cancel",
  input: cancelBookingInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, fleetId, audit }) {
    const before = await getBookingOrThrow(fleetId, input.bookingId);
    const result = await cancelBooking({ ...input, fleetId }, defaultBookingProviders());
    audit({ objectType: "Booking", objectId: input.bookingId, before: { status: before.status }, after: result });
    return result;
  },
});

export const resolveUnknownOutcomeAction = fleetAction({
  name: "bookings.resolve-unknown",
  input: resolveUnknownOutcomeInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, fleetId, audit }) {
    const result = await resolveUnknownOutcome(
      { fleetId, bookingId: input.bookingId, choice: input.choice },
      defaultBookingProviders(),
    );
    audit({
      objectType: "Booking",
      objectId: input.bookingId,
      before: { status: "OUTCOME_UNKNOWN" },
      after: { choice: input.choice, status: result.status },
    });
    return result;
  },
});

export const assignBookingAction = fleetAction({
  name: "bookings.assign",
  input: assignBookingInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, fleetId, audit }) {
    const result = await assignBooking({ fleetId, bookingId: input.bookingId, driverId: input.driverId });
    audit({
      objectType: "Booking",
      objectId: input.bookingId,
      before: { assignedDriverId: result.before },
      after: { assignedDriverId: result.after },
    });
    return result;
  },
});

export const createBatchAction = fleetAction({
  name: "bookings.batch.create",
  input: createBatchInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, user, fleetId, audit }) {
    const fleet = await db.fleet.findUniqueOrThrow({
      where: { id: fleetId },
      select: { petitMondeFleetGroupId: true },
    });
    if (!fleet.petitMondeFleetGroupId && input.items.some((i) => i.tokenStrategy === "GROUP_TOKEN")) {
      throw new DomainError(
        "VALIDATION",
        "This fleet has no Petit Monde fleet group linked; an admin can link one in the fleet settings.",
      );
    }
    const result = await createBatch({ fleetId, createdById: user.id, items: input.items });
    await scheduleBatchRun();
    audit({ objectType: "BookingBatch", objectId: result.batchId, after: { count: result.count } });
    return result;
  },
});

export const retryBatchItemAction = fleetAction({
  name: "bookings.batch.retry-item",
  input: retryBatchItemInput,
  roles: DISPATCH_ROLES,
  mutation: true,
  async run({ input, fleetId, audit }) {
    const replacement =
      input.evseUid && input.locationId && input.charger
        ? { evseUid: input.evseUid, locationId: input.locationId, charger: input.charger }
        : undefined;
    await retryBatchItem({ fleetId, batchId: input.batchId, position: input.position, replacement });
    await scheduleBatchRun();
    audit({
      objectType: "BookingBatch",
      objectId: input.batchId,
      after: { retriedPosition: input.position, evseUid: replacement?.evseUid },
    });
    return { queued: true };
  },
});
