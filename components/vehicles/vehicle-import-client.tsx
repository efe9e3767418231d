"use client";
// CSV import of vehicles: choose or paste a file, check it (the server says, line by line, what it would
// add or change, or what is wrong and in which column), then import all of it or nothing.
import { useState, type ChangeEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/format-provider";
import { failureOf, useAction } from "@/components/ui/use-action";
import { importVehiclesAction, previewVehicleImportAction } from "@/lib/actions/vehicles";
import type { VehicleCsvError } from "@/lib/vehicles/csv";
import { MAX_VEHICLE_IMPORT_CHARS, VEHICLE_CSV_COLUMNS, VEHICLE_CSV_EXAMPLE } from "@/lib/vehicles/csv-format";
import type { ImportPlan } from "@/lib/vehicles/vehicles";

const COLUMNS = VEHICLE_CSV_COLUMNS.join(",");

function Problems({ errors }: { errors: VehicleCsvError[] }) {
  const t = useTranslations("vehicles.import");
  return (
    <div className="space-y-2">
      <p className="font-medium text-red-700 dark:text-red-400">{t("needFixing", { count: errors.length })}</p>
      <div className="max-h-80 overflow-y-auto rounded-md bg-red-50 dark:bg-red-950/40">
        <table className="w-full text-left text-sm" aria-label={t("problemsLabel")}>
          <thead className="text-xs uppercase text-red-900 dark:text-red-200">
            <tr>
              <th className="px-3 py-2">{t("line")}</th>
              <th className="px-3 py-2">{t("plate")}</th>
              <th className="px-3 py-2">{t("column")}</th>
              <th className="px-3 py-2">{t("problem")}</th>
            </tr>
          </thead>
          <tbody>
            {errors.flatMap((e) =>
              e.problems.map((p, i) => (
                <tr key={`${e.line}-${i}`} className="border-t border-red-200 align-top dark:border-red-900">
                  <td className="px-3 py-1">{e.line}</td>
                  <td className="px-3 py-1 font-mono">{e.plate ?? "—"}</td>
                  <td className="px-3 py-1 font-mono">{p.column ?? "—"}</td>
                  <td className="px-3 py-1">{p.message}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Changes({ plan }: { plan: ImportPlan }) {
  const t = useTranslations("vehicles.import");
  const f = useFormat();
  const { create, update, unchanged } = plan.counts;
  return (
    <div className="space-y-2">
      <p className="text-emerald-700 dark:text-emerald-400">
        {t("willChange", { create: f.number(create), update: f.number(update), unchanged: f.number(unchanged) })}
      </p>
      <div className="max-h-80 overflow-y-auto rounded-md border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm" aria-label={t("changesLabel")}>
          <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            <tr>
              <th className="px-3 py-2">{t("line")}</th>
              <th className="px-3 py-2">{t("plate")}</th>
              <th className="px-3 py-2">{t("change")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.changes.map((c) => (
              <tr key={c.line} className="border-t border-slate-200 dark:border-slate-800">
                <td className="px-3 py-1">{c.line}</td>
                <td className="px-3 py-1 font-mono">{c.plate}</td>
                <td className="px-3 py-1">
                  {c.change === "update"
                    ? t("changes.update", { columns: c.columns.join(", ") })
                    : t(`changes.${c.change}`)}
                  {c.retired ? ` ${t("stillRetired")}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function VehicleImport({
  fleetId,
  onDone,
  onCancel,
}: {
  fleetId: string;
  onDone(message: string): void;
  onCancel(): void;
}) {
  const t = useTranslations("vehicles.import");
  const common = useTranslations("common");
  const f = useFormat();
  const [csv, setCsv] = useState("");
  /** The last check and the text it was of: a change to the text asks for a new check. */
  const [checked, setChecked] = useState<{ csv: string; plan: ImportPlan } | null>(null);
  const [importErrors, setImportErrors] = useState<VehicleCsvError[] | null>(null);
  const [formError, setFormError] = useState("");

  const preview = useAction(previewVehicleImportAction);
  const run = useAction(importVehiclesAction, {
    invalidates: [["vehicles"]],
    onSuccess: ({ create, update, unchanged }) =>
      onDone(t("done", { create: f.number(create), update: f.number(update), unchanged: f.number(unchanged) })),
  });

  function check(text: string) {
    setFormError("");
    setImportErrors(null);
    if (!text.trim()) return setChecked(null);
    preview.mutate(
      { fleetId, csv: text },
      {
        onSuccess: (plan) => setChecked({ csv: text, plan }),
        onError: (error) => setFormError(failureOf(error)?.message ?? ""),
      },
    );
  }

  function runImport() {
    setFormError("");
    run.mutate(
      { fleetId, csv },
      {
        onError: (error) => {
          const failure = failureOf(error);
          if (!failure) return;
          // The file changed under us (someone else's edit): the server's line-by-line problems.
          const rows = (failure.details as { rows?: VehicleCsvError[] } | undefined)?.rows;
          setImportErrors(rows ?? null);
          setFormError(failure.message);
        },
      },
    );
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFormError("");
    if (!file) return;
    if (file.size > MAX_VEHICLE_IMPORT_CHARS) return setFormError(t("tooLarge"));
    const text = await file.text();
    setCsv(text);
    check(text);
  }

  const current = checked && checked.csv === csv ? checked.plan : null;
  const errors = importErrors ?? current?.errors ?? [];
  const ready = current && errors.length === 0 ? current.counts.create + current.counts.update : 0;

  return (
    <div className="space-y-4" role="region" aria-label={t("label")}>
      <div className="space-y-2 text-sm text-slate-600 dark:text-slate-400">
        <p>
          {t.rich("format", {
            columns: COLUMNS,
            code: (chunks) => <code className="font-mono break-all">{chunks}</code>,
          })}
        </p>
        <p>{t("references")}</p>
        <p>{t.rich("allOrNothing", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <label className="text-sm font-medium" htmlFor="vehicle-csv-file">
          {t("file")}
        </label>
        <input
          id="vehicle-csv-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={onFile}
          className="text-sm"
        />
      </div>
      <div className="space-y-1">
        <label className="block text-sm font-medium" htmlFor="vehicle-csv-text">
          {t("paste")}
        </label>
        <textarea
          id="vehicle-csv-text"
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setImportErrors(null);
          }}
          rows={8}
          spellCheck={false}
          placeholder={VEHICLE_CSV_EXAMPLE}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
        />
      </div>

      <div role="status" aria-live="polite" className="text-sm" data-testid="vehicle-import-preview">
        {preview.isPending ? (
          <p aria-busy="true">{t("checking")}</p>
        ) : errors.length ? (
          <Problems errors={errors} />
        ) : current ? (
          <Changes plan={current} />
        ) : checked && csv.trim() ? (
          <p>{t("changedSinceCheck")}</p>
        ) : null}
      </div>
      {formError && (
        <p className="text-sm text-red-600 dark:text-red-400" role="alert">
          {formError}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          loading={preview.isPending}
          disabled={!csv.trim()}
          onClick={() => check(csv)}
        >
          {t("check")}
        </Button>
        <Button type="button" loading={run.isPending} disabled={ready === 0} onClick={runImport}>
          {ready ? t("submitCount", { count: ready }) : t("submit")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {common("actions.cancel")}
        </Button>
      </div>
    </div>
  );
}
