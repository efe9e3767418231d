"use client";
// The audit log's filters, kept in the URL: each change asks the server for the matching entries again.
import { useTransition } from "react";
import { useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import type { AuditFilterOptions } from "@/lib/audit-log/list-audit-entries";
import { auditFilterParsers } from "./audit-filters";

type Choice = AuditFilterOptions["actions"][number];

/** The filters and page in the URL; the page re-renders on the server with every change. */
export function useAuditFilters() {
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(auditFilterParsers, {
    history: "replace",
    scroll: false,
    shallow: false,
    startTransition,
  });
  return { params, setParams, pending };
}

function Menu({
  label,
  any,
  value,
  choices,
  onChange,
}: {
  label: string;
  any: string;
  value: string | null;
  choices: Choice[];
  onChange(value: string | null): void;
}) {
  return (
    <div className="w-full sm:w-52">
      <SelectField label={label} value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{any}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

export function AuditFilterBar({ options }: { options: AuditFilterOptions }) {
  const t = useTranslations("audit.filters");
  const common = useTranslations("common");
  const { params, setParams, pending } = useAuditFilters();
  const set = (next: Partial<Omit<typeof params, "page" | "before" | "after">>) =>
    void setParams({ ...next, page: null, before: null, after: null });
  const filtered = Boolean(params.action || params.actor || params.object || params.from || params.to);
  return (
    <div role="group" aria-label={t("label")} className="mb-4 flex flex-wrap items-end gap-3">
      <Menu
        label={t("action")}
        any={t("anyAction")}
        value={params.action}
        choices={options.actions}
        onChange={(action) => set({ action })}
      />
      <Menu
        label={t("who")}
        any={t("anyone")}
        value={params.actor}
        choices={options.actors}
        onChange={(actor) => set({ actor })}
      />
      <Menu
        label={t("object")}
        any={t("anyObject")}
        value={params.object}
        choices={options.objectTypes}
        onChange={(object) => set({ object })}
      />
      <div className="w-40">
        <InputField
          label={t("from")}
          type="date"
          value={params.from ?? ""}
          onChange={(e) => set({ from: e.target.value || null })}
        />
      </div>
      <div className="w-40">
        <InputField
          label={t("to")}
          type="date"
          value={params.to ?? ""}
          onChange={(e) => set({ to: e.target.value || null })}
        />
      </div>
      {filtered && (
        <Button variant="ghost" onClick={() => set({ action: null, actor: null, object: null, from: null, to: null })}>
          {common("actions.clearFilters")}
        </Button>
      )}
      {pending && <Spinner label={t("updating")} />}
    </div>
  );
}
