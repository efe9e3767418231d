"use client";
// Cancel with the provider's rules: free while the operator decides, a confirmation dialog about a possible
// fee once confirmed, and a plain refusal where the provider refuses.
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { failureOf, useAction } from "@/components/ui/use-action";
import { cancelBookingAction } from "@/lib/actions/bookings";
import type { BookingView } from "@/lib/bookings/records";

export function CancelBookingButton({
  fleetId,
  booking,
}: {
  fleetId: string;
  booking: Pick<BookingView, "id" | "cancel">;
}) {
  const t = useTranslations("bookings");
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useAction(cancelBookingAction, {
    invalidates: [["bookings"]],
    onSuccess: () => setConfirming(false),
  });
  const failure = failureOf(cancel.error);
  const { cancel: policy } = booking;

  if (policy.kind === "refused" && !failure) return null;

  function openOrCancel() {
    if (policy.kind === "may-cost") {
      cancel.reset();
      setConfirming(true);
    } else cancel.mutate({ fleetId, bookingId: booking.id, acceptFee: false });
  }

  return (
    <span className="inline-flex flex-col items-start gap-1">
      {policy.kind !== "refused" && (
        <Button
          ref={opener}
          size="sm"
          variant="secondary"
          loading={cancel.isPending && !confirming}
          onClick={openOrCancel}
        >
          {t("cancel.button")}
        </Button>
      )}
      {policy.kind === "may-cost" && (
        <ConfirmDialog
          open={confirming}
          onOpenChange={(open) => {
            if (cancel.isPending) return;
            setConfirming(open);
            // The dialog has no trigger of its own to hand the focus back to once it has closed.
            if (!open) setTimeout(() => opener.current?.focus());
          }}
          title={t("cancel.confirmTitle")}
          description={t("cancel.feeWarning")}
          confirmLabel={t("cancel.confirm")}
          cancelLabel={t("cancel.keep")}
          pending={cancel.isPending}
          error={confirming ? failure?.message : null}
          onConfirm={() => cancel.mutate({ fleetId, bookingId: booking.id, acceptFee: true })}
        />
      )}
      {failure && !confirming && (
        <span role="status" className="text-sm text-red-600 dark:text-red-400">
          {failure.message}
        </span>
      )}
    </span>
  );
}
