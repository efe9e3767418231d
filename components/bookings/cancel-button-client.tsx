"use client";
// Cancel with the provider's rules: free while the operator decides, a confirmation about a possible
// fee once confirmed, and a plain refusal where the provider refuses.
import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { cancelBookingAction } from "@/lib/actions/bookings";
import type { BookingView } from "@/lib/bookings/records";

export function CancelBookingButton({
  fleetId,
  booking,
}: {
  fleetId: string;
  booking: Pick<BookingView, "id" | "cancel">;
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (booking.cancel.kind === "refused" && !message) return null;

  function cancel(acceptFee: boolean) {
    setMessage(null);
    startTransition(async () => {
      const result = await cancelBookingAction({ fleetId, bookingId: booking.id, acceptFee });
      setConfirming(false);
      if (!result.ok) setMessage(result.error.message);
      await queryClient.invalidateQueries({ queryKey: ["bookings"] });
    });
  }

  return (
    <span className="inline-flex flex-col items-start gap-1">
      {booking.cancel.kind !== "refused" && !confirming && (
        <Button
          size="sm"
          variant="secondary"
          loading={pending}
          onClick={() => (booking.cancel.kind === "may-cost" ? setConfirming(true) : cancel(false))}
        >
          Cancel
        </Button>
      )}
      {confirming && booking.cancel.kind === "may-cost" && (
        <span role="alertdialog" aria-label="Confirm cancellation" className="flex flex-col gap-1 text-sm">
          <span>{booking.cancel.warning}</span>
          <span className="flex gap-2">
            <Button size="sm" variant="danger" loading={pending} onClick={() => cancel(true)}>
              Cancel anyway
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              Keep booking
            </Button>
          </span>
        </span>
      )}
      {message && (
        <span role="status" className="text-sm text-red-600 dark:text-red-400">
          {message}
        </span>
      )}
    </span>
  );
}
