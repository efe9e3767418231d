"use client";
// Hands a fleet-paid booking to one of the fleet's drivers, or takes it back.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";
import { failureOf, useAction } from "@/components/ui/use-action";
import { assignBookingAction } from "@/lib/actions/bookings";
import type { BookingView, FleetDriver } from "@/lib/bookings/records";
import { notAssignable } from "./bulk-selection";

export function AssignDriver({
  fleetId,
  booking,
  drivers,
}: {
  fleetId: string;
  booking: BookingView;
  drivers: Pick<FleetDriver, "id" | "name">[];
}) {
  const t = useTranslations("bookings");
  const router = useRouter();
  // The page's start offer names the booking's driver: work it out again for the new one.
  const assign = useAction(assignBookingAction, { invalidates: [["bookings"]], onSuccess: () => router.refresh() });
  const failure = failureOf(assign.error);
  // Only fleet-paid bookings change hands, and only while they are not over (the server checks the same).
  if (notAssignable(booking)) return null;

  return (
    <div className="min-w-56">
      <SelectField
        label={t("assign.label")}
        value={booking.assignedDriver?.id ?? ""}
        disabled={assign.isPending}
        onChange={(e) => assign.mutate({ fleetId, bookingId: booking.id, driverId: e.target.value || null })}
        error={failure ? (failure.fieldErrors?.driverId?.[0] ?? failure.message) : undefined}
      >
        <option value="">{t("assign.nobody")}</option>
        {drivers.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
