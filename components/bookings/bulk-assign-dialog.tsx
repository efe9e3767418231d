"use client";
// Bulk assign: the fleet's drivers (as the list's filter has them), how many of the selection can change hands
// and why the others are skipped, then one server action that assigns, audits and notifies per booking.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { failureOf, useAction } from "@/components/ui/use-action";
import { assignManyBookingsAction } from "@/lib/actions/bookings";
import type { BookingView, FleetDriver } from "@/lib/bookings/records";
import { BULK_BOOKINGS_MAX } from "@/lib/bookings/bulk-limits";
import { BulkSkipped } from "./bulk-skipped";
import { distinctReasons, splitForAssign } from "./bulk-selection";

export function BulkAssignDialog({
  fleetId,
  selected,
  drivers,
  open,
  onOpenChange,
  onDone,
}: {
  fleetId: string;
  selected: BookingView[];
  drivers: Pick<FleetDriver, "id" | "name">[];
  open: boolean;
  onOpenChange(open: boolean): void;
  onDone(lines: string[]): void;
}) {
  const t = useTranslations("bookings");
  const [driverId, setDriverId] = useState("");
  const { applies, skipped } = splitForAssign(selected);
  const driverName = drivers.find((d) => d.id === driverId)?.name;
  const assign = useAction(assignManyBookingsAction, {
    invalidates: [["bookings"]],
    onSuccess: ({ outcomes }) => {
      const done = outcomes.filter((o) => o.outcome.ok).length;
      const failures = outcomes.flatMap((o) => (o.outcome.ok ? [] : [o.outcome.error]));
      const values = { done, driver: driverName ?? "" };
      const summary = driverName ? t("bulk.assignResult.assigned", values) : t("bulk.assignResult.unassigned", values);
      onDone([
        failures.length
          ? t("bulk.assignResult.someFailed", {
              summary,
              failed: failures.length,
              reasons: distinctReasons(failures).join(" "),
            })
          : summary,
      ]);
    },
  });
  const failure = failureOf(assign.error);
  const tooMany = applies.length > BULK_BOOKINGS_MAX;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (assign.isPending) return;
        if (next) assign.reset();
        onOpenChange(next);
      }}
      title={t("bulk.assignDialog.title", { count: applies.length })}
      description={t("bulk.assignDialog.applies", { applies: applies.length, selected: selected.length })}
    >
      <div className="space-y-3 text-sm">
        <BulkSkipped
          items={skipped.map(({ reason, count }) => ({
            text: reason === "driver-token" ? t("bulk.assignDialog.driverToken") : t("bulk.assignDialog.over"),
            count,
          }))}
        />
        <SelectField
          label={t("assign.label")}
          value={driverId}
          disabled={assign.isPending}
          onChange={(e) => setDriverId(e.target.value)}
          error={failure ? (failure.fieldErrors?.driverId?.[0] ?? failure.fieldErrors?.bookingIds?.[0]) : undefined}
        >
          <option value="">{t("assign.nobody")}</option>
          {drivers.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        {tooMany && <p className="text-red-600 dark:text-red-400">{t("bulk.tooMany", { max: BULK_BOOKINGS_MAX })}</p>}
        {failure && (
          <p role="alert" className="text-red-600 dark:text-red-400">
            {failure.message}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={assign.isPending}>
            {t("bulk.assignDialog.close")}
          </Button>
          <Button
            loading={assign.isPending}
            disabled={applies.length === 0 || tooMany}
            onClick={() => assign.mutate({ fleetId, bookingIds: applies.map((b) => b.id), driverId: driverId || null })}
          >
            {driverId ? t("bulk.assignDialog.confirm") : t("bulk.assignDialog.confirmUnassign")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
