"use client";
// The session history's filters: status in words, the first and last day, driver, key, operator and country.
import { InputField, SelectField } from "@/components/ui/field";
import { sessionStatusLabel } from "@/lib/sessions/session-status";
import type { SessionFilterKey } from "./session-filters";

export interface SessionFilterOptions {
  statuses: string[];
  operators: string[];
  countries: string[];
  drivers: Array<{ id: string; name: string }>;
  keys: Array<{ id: string; label: string }>;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function Choice({
  label,
  any,
  value,
  options,
  onChange,
  className = "w-40",
}: {
  label: string;
  any: string;
  value: string | undefined;
  options: Array<{ value: string; label: string }>;
  onChange(value: string): void;
  className?: string;
}) {
  return (
    <div className={className}>
      <SelectField label={label} value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

export function SessionFilterBar({
  options,
  isDriver,
  filters,
  onChange,
}: {
  options: SessionFilterOptions;
  isDriver: boolean;
  filters: Partial<Record<SessionFilterKey, string>>;
  onChange(key: SessionFilterKey, value: string): void;
}) {
  return (
    <>
      <Choice
        label="Status"
        any="Any status"
        value={filters.status}
        options={options.statuses.map((s) => ({ value: s, label: capitalised(sessionStatusLabel(s)) }))}
        onChange={(v) => onChange("status", v)}
      />
      <div className="w-40">
        <InputField
          label="From"
          type="date"
          value={filters.from ?? ""}
          onChange={(e) => onChange("from", e.target.value)}
        />
      </div>
      <div className="w-40">
        <InputField label="To" type="date" value={filters.to ?? ""} onChange={(e) => onChange("to", e.target.value)} />
      </div>
      {!isDriver && (
        <Choice
          label="Driver"
          any="All drivers"
          className="w-44"
          value={filters.driverId}
          options={options.drivers.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(v) => onChange("driverId", v)}
        />
      )}
      {options.keys.length > 0 && (
        <Choice
          label="Key"
          any="Any key"
          value={filters.keyId}
          options={options.keys.map((k) => ({ value: k.id, label: k.label }))}
          onChange={(v) => onChange("keyId", v)}
        />
      )}
      <Choice
        label="Operator"
        any="All operators"
        value={filters.operator}
        options={options.operators.map((o) => ({ value: o, label: o }))}
        onChange={(v) => onChange("operator", v)}
      />
      <Choice
        label="Country"
        any="All"
        className="w-32"
        value={filters.country}
        options={options.countries.map((c) => ({ value: c, label: c }))}
        onChange={(v) => onChange("country", v)}
      />
    </>
  );
}
