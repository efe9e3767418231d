// Books a charger exactly once: the booking is stored (SUBMITTING, externalId fixed) before the provider
// is called, so a crash or timeout in between leaves a row the reconciler can find at the provider.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Booking, Prisma } from "@/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { db } from "@/lib/db";
import type { CreateBookingRequest, ProviderBooking } from "@/lib/domain";
import type { ProviderError } from "@/lib/providers/errors";
import { isProviderError } from "@/lib/providers/errors";
import type { BookingProviders } from "./providers";
import type { BookingRequest, ChargerSnapshot } from "./schemas";
import { applyProviderReport, changeStatus } from "./transitions";

/** After this many attempts without an answer the reconciler gives up and marks the booking FAILED. */
export const MAX_SUBMIT_ATTEMPTS = 5;

/** Provider answers that prove nothing was booked: the booking fails for good. */
const DEFINITIVE_REFUSALS = new Set(["CONFLICT", "INVALID_REQUEST", "NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED"]);

export interface SubmitOutcome {
  bookingId: string;
  status: Booking["status"];
  /** Present when the provider refused: 409 (taken) or anything else it rejected. */
  failure?: { code: "CONFLICT" | "REFUSED"; message: string };
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
      throw new DomainError("VALIDATION", "Some fields need your attention.", {
        driverId: ["Choose a driver of this fleet"],
      });
    }
  }
  switch (request.tokenStrategy) {
    case "GROUP_TOKEN":
      if (!fleet.petitMondeFleetGroupId) {
        throw new DomainError("VALIDATION", "Some fields need your attention.", {
          tokenStrategy: [
            "This fleet has no Petit Monde fleet group linked; an admin can link one in the fleet settings",
          ],
        });
      }
      return { fleetGroupId: fleet.petitMondeFleetGroupId, assignedDriverId: request.driverId ?? null };
    case "DRIVER_TOKEN": {
      const identities = await db.providerIdentity.findMany({
        where: { userId: request.driverId!, kind: { in: ["PETITMONDE_CUSTOMER_ID", "PETITMONDE_TOKEN_ID"] } },
      });
      const owns = (kind: string, value?: string) =>
        !value || identities.some((i) => i.kind === kind && i.value === value);
      if (!owns("PETITMONDE_CUSTOMER_ID", request.customerId) || !owns("PETITMONDE_TOKEN_ID", request.tokenId)) {
        throw new DomainError("VALIDATION", "Some fields need your attention.", {
          customerId: ["That token does not belong to this driver"],
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
  /** The batch line this booking fulfils; linked in the same write, so a resumed batch never books twice. */
  batchItemId?: string;
}

/** Stores the booking, then submits it. Never throws for a provider refusal: the booking is FAILED instead. */
export async function createBooking(args: CreateBookingArgs, providers: BookingProviders): Promise<SubmitOutcome> {
  const booking = await storeBooking(args);
  return submitBooking(booking.id, providers);
}

export async function storeBooking({
  fleetId,
  createdById,
  request,
  batchItemId,
}: CreateBookingArgs): Promise<Booking> {
  const token = await resolveToken(fleetId, request);
  return db.booking.create({
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
      createdById,
      priceMinor: request.charger.estimateMinor ?? null,
      currency: request.charger.currency ?? null,
      ...token,
      events: { create: { status: "SUBMITTING", source: "dashboard", note: "Stored before calling the provider" } },
      ...(batchItemId ? { batchItem: { connect: { id: batchItemId } } } : {}),
    },
  });
}

function toProviderRequest(booking: Booking): CreateBookingRequest {
  const base = {
    externalId: booking.externalId,
    locationId: booking.locationId,
    evseUid: booking.evseUid,
    connectorId: booking.connectorId ?? undefined,
    windowStart: booking.windowStart,
    windowEnd: booking.windowEnd,
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
 * Sends a SUBMITTING booking to its provider. The attempt is claimed first (conditional increment),
 * so two callers never submit the same attempt; the provider's external_id check covers the rest.
 */
export async function submitBooking(
  bookingId: string,
  providers: BookingProviders,
  source = "provider",
): Promise<SubmitOutcome> {
  const booking = await db.booking.findUniqueOrThrow({ where: { id: bookingId } });
  if (booking.status !== "SUBMITTING") return { bookingId, status: booking.status };
  const claimed = await db.booking.updateMany({
    where: { id: bookingId, status: "SUBMITTING", submitAttempts: booking.submitAttempts },
    data: { submitAttempts: { increment: 1 } },
  });
  if (claimed.count === 0) return { bookingId, status: booking.status };

  try {
    if (booking.provider === "PETITMONDE") {
      const report = await providers.petitMonde.createBooking(toProviderRequest(booking));
      await applyProviderReport(bookingId, report, source);
    } else if (booking.provider === "DEPOTFINITY") {
      const { reservationId } = await providers.depot.reserve({
        chargerId: booking.locationId,
        connectorId: booking.connectorId ?? booking.evseUid,
        start: booking.windowStart,
        end: booking.windowEnd,
        rfidValue: booking.rfidValue ?? "",
      });
      // DepotFinity reserves at once and has no request/confirm cycle.
      await changeStatus(booking, {
        to: "CONFIRMED",
        source,
        data: { providerBookingId: reservationId, lastSyncedAt: new Date(), lastError: null },
      });
    } else {
      throw new Error(`${booking.provider} does not take bookings`);
    }
  } catch (error) {
    return handleSubmitError(booking, error, providers, source);
  }
  const after = await db.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { status: true } });
  return { bookingId, status: after.status };
}

async function handleSubmitError(
  booking: Booking,
  error: unknown,
  providers: BookingProviders,
  source: string,
): Promise<SubmitOutcome> {
  if (!isProviderError(error)) {
    await db.booking.update({
      where: { id: booking.id },
      data: { lastError: "Unexpected error while submitting; it will be checked again." },
    });
    throw error;
  }
  // Our external_id already exists there: an earlier attempt went through, adopt it.
  if (error.code === "CONFLICT" && error.existingId && booking.provider === "PETITMONDE") {
    const report = await providers.petitMonde.getBooking(error.existingId);
    await applyProviderReport(booking.id, report, `${source}:adopted`);
    const after = await db.booking.findUniqueOrThrow({ where: { id: booking.id }, select: { status: true } });
    return { bookingId: booking.id, status: after.status };
  }
  if (DEFINITIVE_REFUSALS.has(error.code)) {
    const message = refusalMessage(error);
    await changeStatus(booking, { to: "FAILED", source, note: message, data: { lastError: message } });
    return {
      bookingId: booking.id,
      status: "FAILED",
      failure: { code: error.code === "CONFLICT" ? "CONFLICT" : "REFUSED", message },
    };
  }
  // Timeout, network, 5xx, 429, unreadable answer: the outcome is unknown, the reconciler finds out.
  await db.booking.update({ where: { id: booking.id }, data: { lastError: error.userMessage } });
  return { bookingId: booking.id, status: "SUBMITTING" };
}

function refusalMessage(error: ProviderError): string {
  if (error.code === "CONFLICT") return "This charge point is not available in that window. Pick another one below.";
  if (/spending limit/i.test(error.detail ?? ""))
    return "The fleet group's spending limit would be exceeded by this booking.";
  return error.userMessage;
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
  };
}

export type { ProviderBooking };
