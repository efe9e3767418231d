// Books a charger exactly once: the booking is stored (SUBMITTING, externalId fixed) before the provider
// is called, so a crash or timeout in between leaves a row the reconciler can find at the provider.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Booking, BookingStatus, Prisma } from "@/generated/prisma/client";
import { writeAudit, type AuditEntry } from "@/lib/audit";
import { DomainError, text, type FieldMessage } from "@/lib/errors";
import { db } from "@/lib/db";
import { bookingIdentityKind, type CreateBookingRequest, type ProviderBooking } from "@/lib/domain";
import type { ProviderError } from "@/lib/providers/errors";
import { isProviderError } from "@/lib/providers/errors";
import { refuseBookingByPolicy } from "@/lib/policies/enforce";
import { TAKEN_SOURCE_SUFFIX } from "./rebook-due";
import type { BookingProviders } from "./providers";
import type { BookingRequest, ChargerSnapshot } from "./schemas";
import { inEnglishWords, lastErrorColumns, noteColumns } from "./stored-text";
import { applyProviderReport, auditAlone, changeStatus } from "./transitions";

/** After this many attempts without an answer the reconciler gives up and marks the booking FAILED. */
export const MAX_SUBMIT_ATTEMPTS = 5;

/** Provider answers that prove nothing was booked: the booking fails for good. */
const DEFINITIVE_REFUSALS = new Set(["CONFLICT", "INVALID_REQUEST", "NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED"]);

export interface SubmitOutcome {
  bookingId: string;
  status: Booking["status"];
  /** Present when the provider refused: 409 (taken) or anything else it rejected; `message` is `reason` in English. */
  failure?: { code: "CONFLICT" | "REFUSED"; message: string; reason?: FieldMessage };
}

export function newExternalId(): string {
  return `fleet-${randomUUID()}`;
}

/** Checks the people and tokens the request names against the fleet; returns the columns to store. */
async function resolveToken(fleetId: string, request: BookingRequest) {
  const fleet = await db.fleet.findUniqueOrThrow({ where: { id: fleetId }, select: { petitMondeFleetGroupId: true } });
  if (request.driverId) {
    const membership = await db.membership.findUnique({
      where: { userId_fleetId: { userId: request.driverId, fleetId } },
    });
    if (!membership || membership.role !== "DRIVER") {
      throw new DomainError("VALIDATION", text("fieldsNeedAttention"), {
        driverId: [text("bookings.chooseFleetDriver")],
      });
    }
  }
  switch (request.tokenStrategy) {
    case "GROUP_TOKEN":
      if (!fleet.petitMondeFleetGroupId) {
        throw new DomainError("VALIDATION", text("fieldsNeedAttention"), {
          tokenStrategy: [text("bookings.noFleetGroupField")],
        });
      }
      return { fleetGroupId: fleet.petitMondeFleetGroupId, assignedDriverId: request.driverId ?? null };
    case "DRIVER_TOKEN": {
      const customerKind = bookingIdentityKind(request.provider, "customerId");
      const tokenKind = bookingIdentityKind(request.provider, "tokenId");
      const identities = await db.providerIdentity.findMany({
        where: { userId: request.driverId!, kind: { in: [customerKind, tokenKind].filter((k) => k !== undefined) } },
      });
      const owns = (kind: string | undefined, value?: string) =>
        !value || identities.some((i) => i.kind === kind && i.value === value);
      if (!owns(customerKind, request.customerId) || !owns(tokenKind, request.tokenId)) {
        throw new DomainError("VALIDATION", text("fieldsNeedAttention"), {
          customerId: [text("bookings.tokenNotDrivers")],
        });
      }
      return {
        customerId: request.customerId ?? null,
        tokenId: request.tokenId ?? null,
        assignedDriverId: request.driverId!,
      };
    }
    case "RFID":
      return { rfidValue: request.rfidValue!.toUpperCase(), assignedDriverId: request.driverId ?? null };
    case "AD_HOC":
      return { assignedDriverId: request.driverId ?? null };
    default: {
      const unreachable: never = request.tokenStrategy;
      return unreachable;
    }
  }
}

export interface CreateBookingArgs {
  fleetId: string;
  createdById: string;
  request: BookingRequest;
  /** The booking this one replaces (automatic re-booking): at most one replacement per booking. */
  rebookedFromId?: string;
}

/**
 * A person's booking request in the audit trail, given the booking and the status its submission leaves:
 * written in the transaction that records the provider's answer (submitBooking).
 */
export type BookingOutcomeAudit = (outcome: { bookingId: string; status: BookingStatus }) => AuditEntry;

/**
 * Stores the booking, then submits it. Never throws for a provider refusal: the booking is FAILED instead.
 * With `audit`, the request's entry goes with the write that records the outcome.
 */
export async function createBooking(
  args: CreateBookingArgs,
  providers: BookingProviders,
  audit?: BookingOutcomeAudit,
): Promise<SubmitOutcome> {
  const booking = await storeBooking(args);
  return submitBooking(booking.id, providers, "provider", audit);
}

/**
 * The vehicle a booking is for: one of the fleet's in service, whose connectors fit the charge point's (as its
 * provider describes it; a connector the provider does not name cannot be checked and is taken at its word); its
 * id. A batch checks each line's vehicle with it before storing the batch, and the dispatch board a move.
 */
export async function fittingVehicleId(
  client: Prisma.TransactionClient,
  fleetId: string,
  vehicleId: string,
  connectorStandard: string | null | undefined,
): Promise<string> {
  const vehicle = await client.vehicle.findFirst({
    where: { id: vehicleId, fleetId, retiredAt: null },
    select: { id: true, plate: true, connectorStandards: true },
  });
  if (!vehicle) {
    throw new DomainError("VALIDATION", text("bookings.vehicleNotInFleet"), {
      vehicleId: [text("bookings.vehicleNotInFleet")],
    });
  }
  if (connectorStandard && !vehicle.connectorStandards.includes(connectorStandard)) {
    const message = text("bookings.vehicleDoesNotFit", { plate: vehicle.plate });
    throw new DomainError("VALIDATION", message, { evseUid: [message] });
  }
  return vehicle.id;
}

/**
 * Stores the booking (SUBMITTING) unless a spending policy refuses it; `client` is a transaction when the caller writes more with it (a batch line). */
export async function storeBooking(
  { fleetId, createdById, request, rebookedFromId }: CreateBookingArgs,
  client: Prisma.TransactionClient = db,
): Promise<Booking> {
  const token = await resolveToken(fleetId, request);
  const vehicleId = request.vehicleId
    ? await fittingVehicleId(client, fleetId, request.vehicleId, request.charger.connectorStandard)
    : null;
  await refuseBookingByPolicy(client, fleetId, request);
  return client.booking.create({
    data: {
      fleetId,
      provider: request.provider,
      externalId: newExternalId(),
      status: "SUBMITTING",
      locationId: request.locationId,
      evseUid: request.evseUid,
      connectorId: request.connectorId ?? null,
      locationSnapshot: request.charger as unknown as Prisma.InputJsonValue,
      windowStart: new Date(request.windowStart),
      windowEnd: new Date(request.windowEnd),
      tokenStrategy: request.tokenStrategy,
      vehicleId,
      createdById,
      priceMinor: request.charger.estimateMinor ?? null,
      currency: request.charger.currency ?? null,
      rebookWithinKm: request.rebookWithinKm ?? null,
      rebookedFromId: rebookedFromId ?? null,
      ...token,
      events: {
        create: { status: "SUBMITTING", source: "dashboard", ...noteColumns(text("bookings.storedBeforeCalling")) },
      },
    },
  });
}

/** The provider request a stored booking stands for: the same external id on every attempt. */
export function toProviderRequest(booking: Booking): CreateBookingRequest {
  const base = {
    externalId: booking.externalId,
    locationId: booking.locationId,
    evseUid: booking.evseUid,
    connectorId: booking.connectorId ?? undefined,
    windowStart: booking.windowStart,
    windowEnd: booking.windowEnd,
    notBefore: booking.submittedAt ?? booking.createdAt,
  };
  switch (booking.tokenStrategy) {
    case "DRIVER_TOKEN":
      return {
        ...base,
        token: {
          strategy: "DRIVER_TOKEN",
          customerId: booking.customerId ?? undefined,
          tokenId: booking.tokenId ?? undefined,
        },
      };
    case "GROUP_TOKEN":
      return { ...base, token: { strategy: "GROUP_TOKEN", fleetGroupId: booking.fleetGroupId ?? "" } };
    case "AD_HOC":
      return { ...base, token: { strategy: "AD_HOC" } };
    case "RFID":
      return { ...base, token: { strategy: "RFID", rfidValue: booking.rfidValue ?? "" } };
    default: {
      const unreachable: never = booking.tokenStrategy;
      return unreachable;
    }
  }
}

/**
 * Sends a SUBMITTING booking to its provider. The attempt is claimed first (conditional increment), so
 * two callers never submit the same attempt; until an answer settles it the booking counts as "answer
 * lost", so a crash mid-call leaves a booking the reconciler investigates before it sends anything again.
 */
export async function submitBooking(
  bookingId: string,
  providers: BookingProviders,
  source = "provider",
  outcomeAudit?: BookingOutcomeAudit,
): Promise<SubmitOutcome> {
  const audit = outcomeAudit && ((status: BookingStatus) => outcomeAudit({ bookingId, status }));
  const booking = await db.booking.findUniqueOrThrow({ where: { id: bookingId } });
  // Another submitter has it: nothing of this request is written, and the request is on record all the same.
  if (booking.status !== "SUBMITTING") {
    if (audit) await writeAudit(audit(booking.status));
    return { bookingId, status: booking.status };
  }
  const claimed = await db.booking.updateMany({
    where: { id: bookingId, status: "SUBMITTING", submitAttempts: booking.submitAttempts },
    data: { submitAttempts: { increment: 1 }, answerLost: true, submittedAt: booking.submittedAt ?? new Date() },
  });
  if (claimed.count === 0) {
    if (audit) await writeAudit(audit(booking.status));
    return { bookingId, status: booking.status };
  }

  try {
    const report = await providers.forProvider(booking.provider).book(toProviderRequest(booking));
    await applyProviderReport(bookingId, report, source, { answerLost: false, ...lastErrorColumns(null) }, audit);
  } catch (error) {
    return handleSubmitError(booking, error, source, audit);
  }
  const after = await db.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { status: true } });
  return { bookingId, status: after.status };
}

/** Errors that prove the request was not carried out: sending it again later is safe. */
const NOT_CARRIED_OUT = new Set(["RATE_LIMITED", "NETWORK"]);

/**
 * Records what a failed submission means, with the request's audit entry where there is one. An unexpected
 * error (the database among them, the audit entry included) is noted and rethrown: the reconciler then finds
 * out at the provider before anything is sent again.
 */
async function handleSubmitError(
  booking: Booking,
  error: unknown,
  source: string,
  audit?: (status: BookingStatus) => AuditEntry,
): Promise<SubmitOutcome> {
  if (!isProviderError(error)) {
    await db.booking.update({
      where: { id: booking.id },
      data: lastErrorColumns(text("bookings.submit.unexpected")),
    });
    throw error;
  }
  if (DEFINITIVE_REFUSALS.has(error.code)) {
    const reason = refusalReason(error);
    const recorded = await changeStatus(booking, {
      to: "FAILED",
      // A charge point refused as taken is told apart: automatic re-booking looks for another one.
      source: error.code === "CONFLICT" ? `${source}${TAKEN_SOURCE_SUFFIX}` : source,
      note: reason,
      data: { ...(reason ? lastErrorColumns(reason) : {}), answerLost: false },
      audit,
    });
    if (recorded === "stale") await auditAlone(booking.id, audit);
    return {
      bookingId: booking.id,
      status: "FAILED",
      failure: {
        code: error.code === "CONFLICT" ? "CONFLICT" : "REFUSED",
        message: reason ? inEnglishWords(reason) : "",
        reason,
      },
    };
  }
  // Timeout, 5xx, unreadable answer: the outcome is unknown, the reconciler finds out before resending.
  const said = providerWords(error);
  await db.$transaction(async (tx) => {
    await tx.booking.update({
      where: { id: booking.id },
      data: { ...(said ? lastErrorColumns(said) : {}), answerLost: !NOT_CARRIED_OUT.has(error.code) },
    });
    if (audit) await writeAudit(audit("SUBMITTING"), tx);
  });
  return { bookingId: booking.id, status: "SUBMITTING" };
}

/** What the provider's failure tells the user: its `errors` text, else its plain words; none when it gave none. */
function providerWords(error: ProviderError): FieldMessage | undefined {
  return error.text ?? (error.userMessage || undefined);
}

function refusalReason(error: ProviderError): FieldMessage | undefined {
  if (error.code === "CONFLICT") return text("bookings.submit.notAvailable");
  if (/spending limit/i.test(error.detail ?? "")) return text("bookings.submit.spendingLimit");
  return providerWords(error);
}

/** The request a stored booking was made from, e.g. to retry a failed one at another charge point. */
export function requestFromBooking(
  booking: Booking,
  replace: Partial<Pick<BookingRequest, "locationId" | "evseUid" | "charger">> = {},
): BookingRequest {
  return {
    provider: booking.provider as BookingRequest["provider"],
    locationId: replace.locationId ?? booking.locationId,
    evseUid: replace.evseUid ?? booking.evseUid,
    connectorId: replace.evseUid ? undefined : (booking.connectorId ?? undefined),
    charger: replace.charger ?? (booking.locationSnapshot as unknown as ChargerSnapshot),
    windowStart: booking.windowStart.toISOString(),
    windowEnd: booking.windowEnd.toISOString(),
    tokenStrategy: booking.tokenStrategy,
    driverId: booking.assignedDriverId ?? undefined,
    customerId: booking.customerId ?? undefined,
    tokenId: booking.tokenId ?? undefined,
    rfidValue: booking.rfidValue ?? undefined,
    vehicleId: booking.vehicleId ?? undefined,
    rebookWithinKm: booking.rebookWithinKm ?? undefined,
  };
}

export type { ProviderBooking };
