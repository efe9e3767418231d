"use client";
// Bulk cancel: how many of the selection can be cancelled and why the others are skipped, the ones that may
// cost a fee in the single cancel's words, then one server action that answers for each booking.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useFormat } from "@/components/ui/format-provider";
import { failureOf, useAction } from "@/components/ui/use-action";
import { cancelManyBookingsAction } from "@/lib/actions/bookings";
import type { BookingView } from "@/lib/bookings/records";
import { BULK_BOOKINGS_MAX } from "@/lib/bookings/bulk-limits";
import { BulkSkipped } from "./bulk-skipped";
import { distinctReasons, feeTotals, splitForCancel } from "./bulk-selection";

export function BulkCancelDialog({
  fleetId,
  selected,
  open,
  onOpenChange,
  onDone,
}: {
  fleetId: string;
  selected: BookingView[];
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The outcome in words, one line each; the list refreshes itself. */
  onDone(lines: string[]): void;
}) {
  const t = useTranslations("bookings");
  const f = useFormat();
  const { applies, mayCost, skipped } = splitForCancel(selected);
  const cancel = useAction(cancelManyBookingsAction, {
    invalidates: [["bookings"]],
    onSuccess: ({ outcomes }) => {
      const done = outcomes.flatMap((o) => (o.outcome.ok ? [{ bookingId: o.bookingId, ...o.outcome }] : []));
      const failures = outcomes.flatMap((o) => (o.outcome.ok ? [] : [o.outcome.error]));
      const currencyOf = new Map(selected.map((b) => [b.id, b.currency]));
      const fees = feeTotals(
        done.map((d) => ({ feeMinor: d.feeMinor, currency: currencyOf.get(d.bookingId) ?? null })),
      );
      onDone([
        failures.length
          ? t("bulk.cancelResult.someFailed", {
              done: done.length,
              failed: failures.length,
              reasons: distinctReasons(failures).join(" "),
            })
          : t("bulk.cancelResult.allDone", { done: done.length }),
        ...(fees.length
          ? [t("bulk.cancelResult.fees", { fees: fees.map((x) => f.money(x.amountMinor, x.currency)).join(", ") })]
          : []),
      ]);
    },
  });
  const failure = failureOf(cancel.error);
  const tooMany = applies.length > BULK_BOOKINGS_MAX;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (cancel.isPending) return;
        if (next) cancel.reset();
        onOpenChange(next);
      }}
      role="alertdialog"
      title={t("bulk.cancelDialog.title", { count: applies.length })}
      description={t("bulk.cancelDialog.applies", { applies: applies.length, selected: selected.length })}
    >
      <div className="space-y-3 text-sm">
        <BulkSkipped items={skipped.map(({ reason, count }) => ({ text: reason, count }))} />
        {mayCost.length > 0 && (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950">
            <p className="font-medium">{t("bulk.cancelDialog.feeWarning", { count: mayCost.length })}</p>
            <ul className="mt-2 list-disc space-y-1 pl-5" aria-label={t("bulk.cancelDialog.feeListLabel")}>
              {mayCost.map((b) => (
                <li key={b.id}>
                  {t("bulk.cancelDialog.feeBooking", {
                    charger: b.charger.name,
                    window: f.window(b.windowStart, b.windowEnd, b.charger.timeZone),
                  })}
                </li>
              ))}
            </ul>
            <p className="mt-2 text-slate-600 dark:text-slate-300">{t("bulk.cancelDialog.feeAmount")}</p>
          </div>
        )}
        {tooMany && <p className="text-red-600 dark:text-red-400">{t("bulk.tooMany", { max: BULK_BOOKINGS_MAX })}</p>}
        {failure && (
          <p role="alert" className="text-red-600 dark:text-red-400">
            {failure.message}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" autoFocus onClick={() => onOpenChange(false)} disabled={cancel.isPending}>
            {t("bulk.cancelDialog.keep")}
          </Button>
          <Button
            variant="danger"
            loading={cancel.isPending}
            disabled={applies.length === 0 || tooMany}
            onClick={() =>
              cancel.mutate({ fleetId, bookingIds: applies.map((b) => b.id), acceptFee: mayCost.length > 0 })
            }
          >
            {mayCost.length > 0 ? t("cancel.confirm") : t("bulk.cancelDialog.confirm")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
