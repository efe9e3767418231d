// Cancels a booking at its provider: free while the operator decides, after a warning once confirmed,
// refused where the provider refuses (the vehicle is already there, or it is over).
import "server-only";
import { DomainError } from "@/lib/errors";
import { isProviderError } from "@/lib/providers/errors";
import type { BookingProviders } from "./providers";
import { getBookingOrThrow } from "./records";
import { cancelPolicy } from "./state-machine";
import { applyProviderReport, changeStatus } from "./transitions";

export async function cancelBooking(
  args: { fleetId: string; bookingId: string; acceptFee: boolean; reason: string },
  providers: BookingProviders,
): Promise<{ status: string; feeMinor: number | null }> {
  const booking = await getBookingOrThrow(args.fleetId, args.bookingId);
  const policy = cancelPolicy(booking.status);
  if (policy.kind === "refused") throw new DomainError("CONFLICT", policy.reason);
  if (policy.kind === "may-cost" && !args.acceptFee) {
    throw new DomainError("CONFLICT", policy.warning, undefined, { needsConfirmation: true });
  }
  if (!booking.providerBookingId)
    throw new DomainError("CONFLICT", "The provider has not answered yet. Wait a few seconds and try again.");

  if (booking.provider === "DEPOTFINITY") {
    await providers.depot.removeReservation(booking.providerBookingId);
    await changeStatus(booking, { to: "CANCELLED", source: "dashboard", note: args.reason });
    return { status: "CANCELLED", feeMinor: null };
  }

  try {
    const report = await providers.petitMonde.cancelBooking(booking.providerBookingId, args.reason);
    await applyProviderReport(booking.id, report, "dashboard");
    return { status: report.status, feeMinor: report.fee?.amountMinor ?? null };
  } catch (error) {
    // 400: the booking moved on at the provider (e.g. the driver arrived). Show the truth, then refuse.
    if (isProviderError(error) && error.code === "INVALID_REQUEST") {
      const current = await providers.petitMonde.getBooking(booking.providerBookingId);
      await applyProviderReport(booking.id, current, "provider");
      const now = cancelPolicy(current.status);
      throw new DomainError(
        "CONFLICT",
        now.kind === "refused" ? now.reason : "The provider refused to cancel this booking.",
      );
    }
    throw error;
  }
}
