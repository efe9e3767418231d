// Cancels a booking at its provider: free while the operator decides, after a warning once confirmed,
// refused where the provider refuses (the vehicle is already there, or it is over). Also the two choices
// for a booking whose outcome is unknown: keep it, or remove whatever the provider may hold.
import "server-only";
import type { AuditActor, AuditEntry } from "@/lib/audit";
import { DomainError, text, type ErrorText } from "@/lib/errors";
import { isProviderError } from "@/lib/providers/errors";
import { toProviderRequest } from "./create-booking";
import type { BookingProviders } from "./providers";
import { getBookingOrThrow } from "./records";
import { cancelPolicy } from "./state-machine";
import { lastErrorColumns } from "./stored-text";
import { applyProviderReport, auditAlone, changeStatus, type StatusChange } from "./transitions";

/**
 * Cancels at the provider, then records its answer; with an actor, the audit entry is written in the
 * transaction of that record.
 */
export async function cancelBooking(
  args: { fleetId: string; bookingId: string; acceptFee: boolean; reason: string; actor?: AuditActor },
  providers: BookingProviders,
): Promise<{ status: string; feeMinor: number | null }> {
  const booking = await getBookingOrThrow(args.fleetId, args.bookingId);
  const policy = cancelPolicy(booking.status);
  if (policy.kind === "refused") throw new DomainError("CONFLICT", policy.reason);
  if (policy.kind === "may-cost" && !args.acceptFee) {
    throw new DomainError("CONFLICT", policy.warning, undefined, { needsConfirmation: true });
  }
  if (!booking.providerBookingId) {
    throw new DomainError("CONFLICT", text("bookings.cancel.noNumber"));
  }
  const port = providers.forProvider(booking.provider);
  try {
    const report = await port.cancel(booking.providerBookingId, args.reason);
    const result = { status: report.status, feeMinor: report.fee?.amountMinor ?? null };
    const actor = args.actor;
    const audit =
      actor &&
      ((): AuditEntry => ({
        ...actor,
        action: "bookings.cancel",
        fleetId: args.fleetId,
        objectType: "Booking",
        objectId: booking.id,
        before: { status: booking.status },
        after: result,
      }));
    await applyProviderReport(booking.id, report, "dashboard", {}, audit);
    return result;
  } catch (error) {
    // 400: the booking moved on at the provider (e.g. the driver arrived). Show the truth, then refuse.
    if (isProviderError(error) && error.code === "INVALID_REQUEST") {
      const { reports } = await port.refresh([{ ...booking, providerBookingId: booking.providerBookingId }]);
      const current = reports.get(booking.providerBookingId);
      if (current) await applyProviderReport(booking.id, current, "provider");
      const now = current ? cancelPolicy(current.status) : null;
      throw new DomainError("CONFLICT", now?.kind === "refused" ? now.reason : text("bookings.cancel.refused"));
    }
    throw error;
  }
}

export type UnknownOutcomeChoice = "keep" | "remove";

/**
 * A person's answer for a booking whose outcome is unknown. Keep: trust that it exists (no provider call).
 * Remove: the provider's port removes whatever the request may have booked; if it says the slot is held
 * and cannot be removed from here, the booking is kept and the message says what to do instead (an `errors` text,
 * said in the reader's words by the action).
 */
export async function resolveUnknownOutcome(
  args: { fleetId: string; bookingId: string; choice: UnknownOutcomeChoice; actor?: AuditActor },
  providers: BookingProviders,
): Promise<{ status: string; message: ErrorText }> {
  const booking = await getBookingOrThrow(args.fleetId, args.bookingId);
  if (booking.status !== "OUTCOME_UNKNOWN") {
    throw new DomainError("CONFLICT", text("bookings.unknownOutcome.alreadyKnown"));
  }
  // The person's choice goes into the audit trail with the write that records it (the answer's status).
  const actor = args.actor;
  const audit = (status: "CONFIRMED" | "CANCELLED"): StatusChange["audit"] =>
    actor &&
    (() => ({
      ...actor,
      action: "bookings.resolve-unknown",
      fleetId: args.fleetId,
      objectType: "Booking",
      objectId: booking.id,
      before: { status: "OUTCOME_UNKNOWN" },
      after: { choice: args.choice, status },
    }));
  const record = async (change: StatusChange) => {
    if ((await changeStatus(booking, change)) === "stale") await auditAlone(booking.id, change.audit);
  };
  if (args.choice === "keep") {
    const message = text("bookings.unknownOutcome.kept");
    await record({
      to: "CONFIRMED",
      source: "dashboard:kept",
      note: message,
      data: lastErrorColumns(message),
      audit: audit("CONFIRMED"),
    });
    return { status: "CONFIRMED", message };
  }
  const outcome = await providers.forProvider(booking.provider).release(toProviderRequest(booking));
  if (outcome.kind === "held") {
    await record({
      to: "CONFIRMED",
      source: "dashboard:remove-refused",
      note: outcome.message,
      data: { ...lastErrorColumns(outcome.message), answerLost: false },
      audit: audit("CONFIRMED"),
    });
    return { status: "CONFIRMED", message: outcome.message };
  }
  const message = text(
    outcome.kind === "removed" ? "bookings.unknownOutcome.removed" : "bookings.unknownOutcome.nothingToRemove",
  );
  if (outcome.kind === "removed" && outcome.booking) {
    await applyProviderReport(
      booking.id,
      { ...outcome.booking, status: "CANCELLED" },
      "dashboard:removed",
      { answerLost: false, ...lastErrorColumns(null) },
      audit("CANCELLED"),
    );
  } else {
    await record({
      to: "CANCELLED",
      source: "dashboard:removed",
      note: message,
      data: { answerLost: false, ...lastErrorColumns(null) },
      audit: audit("CANCELLED"),
    });
  }
  return { status: "CANCELLED", message };
}
