"use client";
// The filters above the key table: driver, type, status, validity and a search, each kept in the URL.
import { useTranslations } from "next-intl";
import { InputField, SelectField } from "@/components/ui/field";
import { CHARGING_KEY_TYPES } from "@/lib/domain/charging-key";
import { KEY_STATUSES, type KeyTableState } from "@/lib/keys/table-params";
import { keyStatusLabel, keyTypeLabel } from "./key-labels";
import type { Driver } from "./key-columns-client";

type Filters = Pick<KeyTableState, "driverId" | "type" | "status" | "expiringWithinDays" | "q">;

const EXPIRING = [
  { days: 30, id: "within30Days" },
  { days: 90, id: "within90Days" },
  { days: 365, id: "withinAYear" },
] as const;

function oneOf<T extends string>(options: readonly T[], value: string): T | null {
  return options.find((option) => option === value) ?? null;
}

export function KeyFilters({
  filters,
  drivers,
  onChange,
}: {
  filters: Filters;
  drivers: Driver[];
  /** A changed filter; the table goes back to its first page. */
  onChange(next: Partial<Filters>): void;
}) {
  const t = useTranslations("keys");
  return (
    <>
      <div className="w-full sm:w-48">
        <SelectField
          label={t("filters.driver")}
          value={filters.driverId ?? ""}
          onChange={(e) => onChange({ driverId: e.target.value || null })}
        >
          <option value="">{t("filters.allDrivers")}</option>
          <option value="none">{t("filters.unassigned")}</option>
          {drivers.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-[calc(50%-0.375rem)] sm:w-36">
        <SelectField
          label={t("filters.type")}
          value={filters.type ?? ""}
          onChange={(e) => onChange({ type: oneOf(CHARGING_KEY_TYPES, e.target.value) })}
        >
          <option value="">{t("filters.allTypes")}</option>
          {CHARGING_KEY_TYPES.map((type) => (
            <option key={type} value={type}>
              {keyTypeLabel(t, type)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-[calc(50%-0.375rem)] sm:w-36">
        <SelectField
          label={t("filters.status")}
          value={filters.status ?? ""}
          onChange={(e) => onChange({ status: oneOf(KEY_STATUSES, e.target.value) })}
        >
          <option value="">{t("filters.anyStatus")}</option>
          {KEY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {keyStatusLabel(t, status)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-full sm:w-40">
        <SelectField
          label={t("filters.expiring")}
          value={filters.expiringWithinDays ?? ""}
          onChange={(e) => onChange({ expiringWithinDays: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t("filters.anyValidity")}</option>
          {EXPIRING.map((option) => (
            <option key={option.days} value={option.days}>
              {t(`filters.${option.id}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-full sm:w-56">
        <InputField
          // A new search from elsewhere (a link, the back button) replaces what is typed.
          key={filters.q ?? ""}
          label={t("filters.search")}
          placeholder={t("filters.searchPlaceholder")}
          type="search"
          enterKeyHint="search"
          maxLength={100}
          defaultValue={filters.q ?? ""}
          onKeyDown={(e) => e.key === "Enter" && onChange({ q: e.currentTarget.value.trim() || null })}
        />
      </div>
    </>
  );
}
