"use client";
// The bookings list's filters: status (one, or several from a shared link), driver, provider, day, and
// "needs attention", which stands for its own set of statuses and so replaces the status filter.
import { useTranslations } from "next-intl";
import { InputField, SelectField } from "@/components/ui/field";
import type { FleetDriver } from "@/lib/bookings/records";
import { BOOKABLE_PROVIDERS } from "@/lib/bookings/bookable-providers";
import { BOOKING_STATUSES, PROVIDER_LABELS } from "@/lib/domain";
import type { BookingFilters, SetBookingFilters } from "./use-booking-filters";

const SEVERAL = "several";

export function BookingFilterBar({
  filters,
  onChange,
  drivers,
}: {
  filters: BookingFilters;
  onChange: SetBookingFilters;
  drivers: Pick<FleetDriver, "id" | "name">[];
}) {
  const t = useTranslations("bookings");
  const common = useTranslations("common");
  const statusValue = filters.status.length > 1 ? SEVERAL : (filters.status[0] ?? "");
  return (
    <div className="grid min-w-[16rem] flex-1 gap-3 sm:grid-cols-5">
      <SelectField
        label={t("filters.status")}
        value={statusValue}
        onChange={(e) => {
          const status = BOOKING_STATUSES.find((s) => s === e.target.value);
          onChange({ status: status ? [status] : null, attention: null });
        }}
      >
        <option value="">{t("filters.anyStatus")}</option>
        {filters.status.length > 1 && (
          <option value={SEVERAL}>{filters.status.map((s) => common(`bookingStatus.${s}`)).join(", ")}</option>
        )}
        {BOOKING_STATUSES.map((s) => (
          <option key={s} value={s}>
            {common(`bookingStatus.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("filters.driver")}
        value={filters.driverId ?? ""}
        onChange={(e) => onChange({ driverId: e.target.value || null })}
      >
        <option value="">{t("filters.anyDriver")}</option>
        {drivers.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("filters.provider")}
        value={filters.provider ?? ""}
        onChange={(e) => onChange({ provider: BOOKABLE_PROVIDERS.find((p) => p === e.target.value) ?? null })}
      >
        <option value="">{t("filters.anyProvider")}</option>
        {BOOKABLE_PROVIDERS.map((p) => (
          <option key={p} value={p}>
            {PROVIDER_LABELS[p]}
          </option>
        ))}
      </SelectField>
      <InputField
        label={t("filters.day")}
        type="date"
        value={filters.date?.toISOString().slice(0, 10) ?? ""}
        onChange={(e) => onChange({ date: e.target.valueAsDate })}
      />
      <label className="flex items-end gap-2 pb-2 text-sm">
        <input
          type="checkbox"
          checked={filters.attention === "1"}
          onChange={(e) => onChange({ attention: e.target.checked ? "1" : null, status: null })}
        />
        {t("filters.needsAttention")}
      </label>
    </div>
  );
}
