"use client";
// CSV import of depot chargers: choose or paste a file, see every row's problems, then import all or nothing.
import { useMemo, useState, type ChangeEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/format-provider";
import { useAction, failureOf } from "@/components/ui/use-action";
import { importDepotChargersAction } from "@/lib/actions/depot-chargers";
import {
  CSV_COLUMNS,
  CSV_EXAMPLE,
  parseDepotChargersCsv,
  type CsvRowError,
  type CsvWords,
} from "@/lib/depot-chargers/csv";
import { depotChargersQueryKey } from "@/lib/depot-chargers/query-key";
import { MAX_IMPORT_CHARS } from "@/lib/depot-chargers/schemas";

export function DepotChargerImport({
  fleetId,
  initialCsv = "",
  onDone,
  onCancel,
}: {
  fleetId: string;
  /** Prefilled text, e.g. the chargers DepotFinity lists, for review. */
  initialCsv?: string;
  onDone(message: string): void;
  onCancel(): void;
}) {
  const t = useTranslations("fleets.import");
  const common = useTranslations("common");
  const f = useFormat();
  const [csv, setCsv] = useState(initialCsv);
  const [serverErrors, setServerErrors] = useState<CsvRowError[] | null>(null);
  const [formError, setFormError] = useState("");
  const errorsT = useTranslations("errors");
  const validationT = useTranslations("validation");
  // The file's problems in the reader's words, as the server says them on import.
  const words = useMemo<CsvWords>(
    () => ({ errors: (key, values) => errorsT(key, values), validation: (key, values) => validationT(key, values) }),
    [errorsT, validationT],
  );
  const preview = useMemo(() => (csv.trim() ? parseDepotChargersCsv(csv, words) : null), [csv, words]);
  const errors = serverErrors ?? preview?.errors ?? [];
  const ready = preview && errors.length === 0 ? preview.chargers.length : 0;

  const run = useAction(importDepotChargersAction, {
    invalidates: [depotChargersQueryKey(fleetId)],
    onSuccess: ({ created, updated, unchanged }) =>
      onDone(t("done", { created: f.number(created), updated: f.number(updated), unchanged: f.number(unchanged) })),
  });

  function runImport() {
    setFormError("");
    run.mutate(
      { fleetId, csv },
      {
        onError: (error) => {
          const failure = failureOf(error);
          if (!failure) return;
          // The server's row-by-row problems replace the preview's; otherwise the file's own problem.
          const rows = (failure.details as { rows?: CsvRowError[] } | undefined)?.rows;
          setServerErrors(rows ?? null);
          setFormError(failure.fieldErrors?.csv && !rows ? failure.fieldErrors.csv[0] : failure.message);
        },
      },
    );
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFormError("");
    setServerErrors(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_CHARS) {
      setFormError(t("tooLarge"));
      return;
    }
    setCsv(await file.text());
  }

  return (
    <div className="space-y-4" role="region" aria-label={t("ariaLabel")}>
      <div className="space-y-2 text-sm text-slate-600 dark:text-slate-400">
        <p>
          {t.rich("format", {
            columns: CSV_COLUMNS.join(","),
            code: (chunks) => <code className="font-mono">{chunks}</code>,
          })}
        </p>
        <p>{t.rich("allOrNothing", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <label className="text-sm font-medium" htmlFor="depot-csv-file">
          {t("file")}
        </label>
        <input
          id="depot-csv-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={onFile}
          className="text-sm"
        />
      </div>
      <div className="space-y-1">
        <label className="block text-sm font-medium" htmlFor="depot-csv-text">
          {t("paste")}
        </label>
        <textarea
          id="depot-csv-text"
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setServerErrors(null);
          }}
          rows={8}
          spellCheck={false}
          placeholder={CSV_EXAMPLE}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
        />
      </div>

      {preview && (
        <div role="status" aria-live="polite" className="text-sm" data-testid="import-preview">
          {errors.length === 0 ? (
            <p className="text-emerald-700 dark:text-emerald-400">{t("ready", { count: preview.chargers.length })}</p>
          ) : (
            <>
              <p className="font-medium text-red-700 dark:text-red-400">{t("needFixing", { count: errors.length })}</p>
              <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto rounded-md bg-red-50 p-3 dark:bg-red-950/40">
                {errors.map((e) => (
                  <li key={e.row}>
                    <strong>{t("row", { row: e.row })}</strong>
                    {e.chargerId ? ` (${e.chargerId})` : ""}: {e.messages.join(" ")}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {formError && (
        <p className="text-sm text-red-600 dark:text-red-400" role="alert">
          {formError}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
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
