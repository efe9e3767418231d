"use client";
// The session history's filters: status in words, the first and last day, driver, key, operator and country.
import { useTranslations } from "next-intl";
import { InputField, SelectField } from "@/components/ui/field";
import type { SessionFilterKey } from "./session-filters";
import { useSessionStatusLabel } from "./session-words";

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
  const t = useTranslations("sessions.filters");
  const statusLabel = useSessionStatusLabel();
  return (
    <>
      <Choice
        label={t("status")}
        any={t("anyStatus")}
        value={filters.status}
        options={options.statuses.map((s) => ({ value: s, label: capitalised(statusLabel(s)) }))}
        onChange={(v) => onChange("status", v)}
      />
      <div className="w-40">
        <InputField
          label={t("from")}
          type="date"
          value={filters.from ?? ""}
          onChange={(e) => onChange("from", e.target.value)}
        />
      </div>
      <div className="w-40">
        <InputField
          label={t("to")}
          type="date"
          value={filters.to ?? ""}
          onChange={(e) => onChange("to", e.target.value)}
        />
      </div>
      {!isDriver && (
        <Choice
          label={t("driver")}
          any={t("allDrivers")}
          className="w-44"
          value={filters.driverId}
          options={options.drivers.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(v) => onChange("driverId", v)}
        />
      )}
      {options.keys.length > 0 && (
        <Choice
          label={t("key")}
          any={t("anyKey")}
          value={filters.keyId}
          options={options.keys.map((k) => ({ value: k.id, label: k.label }))}
          onChange={(v) => onChange("keyId", v)}
        />
      )}
      <Choice
        label={t("operator")}
        any={t("allOperators")}
        value={filters.operator}
        options={options.operators.map((o) => ({ value: o, label: o }))}
        onChange={(v) => onChange("operator", v)}
      />
      <Choice
        label={t("country")}
        any={t("all")}
        className="w-32"
        value={filters.country}
        options={options.countries.map((c) => ({ value: c, label: c }))}
        onChange={(v) => onChange("country", v)}
      />
    </>
  );
}
