"use client";
// The filters above the key table: driver, type, status, validity and a search, each kept in the URL.
import { InputField, SelectField } from "@/components/ui/field";
import { CHARGING_KEY_TYPES } from "@/lib/domain/charging-key";
import { KEY_STATUSES, type KeyTableState } from "@/lib/keys/schemas";
import { KEY_STATUS_LABELS, KEY_TYPE_LABELS } from "./key-labels";
import type { Driver } from "./key-columns-client";

type Filters = Pick<KeyTableState, "driverId" | "type" | "status" | "expiringWithinDays" | "q">;

const EXPIRING = [
  { days: 30, label: "Within 30 days" },
  { days: 90, label: "Within 90 days" },
  { days: 365, label: "Within a year" },
];

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
  return (
    <>
      <div className="w-full sm:w-48">
        <SelectField
          label="Driver"
          value={filters.driverId ?? ""}
          onChange={(e) => onChange({ driverId: e.target.value || null })}
        >
          <option value="">All drivers</option>
          <option value="none">Unassigned</option>
          {drivers.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-[calc(50%-0.375rem)] sm:w-36">
        <SelectField
          label="Type"
          value={filters.type ?? ""}
          onChange={(e) => onChange({ type: oneOf(CHARGING_KEY_TYPES, e.target.value) })}
        >
          <option value="">All types</option>
          {CHARGING_KEY_TYPES.map((type) => (
            <option key={type} value={type}>
              {KEY_TYPE_LABELS[type]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-[calc(50%-0.375rem)] sm:w-36">
        <SelectField
          label="Status"
          value={filters.status ?? ""}
          onChange={(e) => onChange({ status: oneOf(KEY_STATUSES, e.target.value) })}
        >
          <option value="">Any status</option>
          {KEY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {KEY_STATUS_LABELS[status]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-full sm:w-40">
        <SelectField
          label="Expiring"
          value={filters.expiringWithinDays ?? ""}
          onChange={(e) => onChange({ expiringWithinDays: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">Any validity</option>
          {EXPIRING.map((option) => (
            <option key={option.days} value={option.days}>
              {option.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-full sm:w-56">
        <InputField
          // A new search from elsewhere (a link, the back button) replaces what is typed.
          key={filters.q ?? ""}
          label="Search"
          placeholder="Name, number, key id"
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
