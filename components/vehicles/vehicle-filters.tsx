"use client";
// The filters above the vehicle table: a search, status, home depot, default driver and connector, each in the URL.
import { useTranslations } from "next-intl";
import { InputField, SelectField } from "@/components/ui/field";
import { standardLabel } from "@/components/fleets/connector-labels";
import { CONNECTOR_STANDARDS } from "@/lib/domain/location";
import { VEHICLE_STATUSES, type VehicleTableState } from "@/lib/vehicles/table-params";
import type { VehicleOptions } from "@/lib/vehicles/vehicles";

type Filters = Pick<VehicleTableState, "q" | "status" | "depotId" | "driverId" | "standard">;

function oneOf<T extends string>(list: readonly T[], value: string): T | null {
  return list.find((item) => item === value) ?? null;
}

export function VehicleFilters({
  filters,
  options,
  onChange,
}: {
  filters: Filters;
  options: VehicleOptions | undefined;
  /** A changed filter; the table goes back to its first page. */
  onChange(next: Partial<Filters>): void;
}) {
  const t = useTranslations("vehicles.filters");
  const common = useTranslations("common");

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="w-full sm:w-56">
        <InputField
          // A new search from elsewhere (a link, the back button) replaces what is typed.
          key={filters.q ?? ""}
          label={t("search")}
          type="search"
          enterKeyHint="search"
          maxLength={100}
          placeholder={t("searchPlaceholder")}
          defaultValue={filters.q ?? ""}
          onKeyDown={(e) => e.key === "Enter" && onChange({ q: e.currentTarget.value.trim() || null })}
          onBlur={(e) =>
            e.currentTarget.value.trim() !== (filters.q ?? "") && onChange({ q: e.currentTarget.value.trim() || null })
          }
        />
      </div>
      <div className="w-[calc(50%-0.375rem)] sm:w-36">
        <SelectField
          label={t("status")}
          value={filters.status}
          onChange={(e) => onChange({ status: oneOf(VEHICLE_STATUSES, e.target.value) ?? "active" })}
        >
          {VEHICLE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-[calc(50%-0.375rem)] sm:w-44">
        <SelectField
          label={t("connector")}
          value={filters.standard ?? ""}
          onChange={(e) => onChange({ standard: oneOf(CONNECTOR_STANDARDS, e.target.value) })}
        >
          <option value="">{t("anyConnector")}</option>
          {CONNECTOR_STANDARDS.map((s) => (
            <option key={s} value={s}>
              {standardLabel(common, s)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-[calc(50%-0.375rem)] sm:w-44">
        <SelectField
          label={t("depot")}
          value={filters.depotId ?? ""}
          onChange={(e) => onChange({ depotId: e.target.value || null })}
        >
          <option value="">{t("anyDepot")}</option>
          <option value="none">{t("noDepot")}</option>
          {options?.depots.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-[calc(50%-0.375rem)] sm:w-44">
        <SelectField
          label={t("driver")}
          value={filters.driverId ?? ""}
          onChange={(e) => onChange({ driverId: e.target.value || null })}
        >
          <option value="">{t("anyDriver")}</option>
          <option value="none">{t("noDriver")}</option>
          {options?.drivers.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      </div>
    </div>
  );
}
