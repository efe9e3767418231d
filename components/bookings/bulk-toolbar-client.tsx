"use client";
// The bookings list's bulk actions, shown while bookings are selected: how many, assign, cancel, the CSV of
// the selection and clearing it; after an action, its outcome in words stays until the next one.
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/api/endpoints";
import { apiUrl } from "@/lib/api/client";
import type { BookingView, FleetDriver } from "@/lib/bookings/records";
import { EXPORT_IDS_MAX } from "@/lib/bookings/bulk-limits";
import { BulkAssignDialog } from "./bulk-assign-dialog";
import { BulkCancelDialog } from "./bulk-cancel-dialog";

export function BulkBookingsToolbar({
  fleetId,
  selected,
  drivers,
  onClear,
}: {
  fleetId: string;
  selected: BookingView[];
  drivers: Pick<FleetDriver, "id" | "name">[];
  onClear(): void;
}) {
  const t = useTranslations("bookings");
  const [dialog, setDialog] = useState<"assign" | "cancel" | null>(null);
  const [outcome, setOutcome] = useState<string[] | null>(null);
  const assignButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  function close(which: "assign" | "cancel") {
    setDialog(null);
    // The dialogs have no trigger of their own to hand the focus back to once they have closed.
    setTimeout(() => (which === "assign" ? assignButton : cancelButton).current?.focus());
  }
  function done(lines: string[]) {
    setDialog(null);
    setOutcome(lines);
    onClear();
    // The toolbar goes with the selection: the focus moves to what happened.
    setTimeout(() => outcomeRef.current?.focus());
  }

  const ids = selected.map((b) => b.id);
  return (
    <>
      {selected.length > 0 && (
        <div
          role="group"
          aria-label={t("bulk.toolbarLabel")}
          className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 p-2 dark:border-slate-800 dark:bg-slate-900"
        >
          <span className="px-1 text-sm font-medium" aria-live="polite">
            {t("bulk.selected", { count: selected.length })}
          </span>
          <Button ref={assignButton} size="sm" variant="secondary" onClick={() => setDialog("assign")}>
            {t("bulk.assign")}
          </Button>
          <Button ref={cancelButton} size="sm" variant="secondary" onClick={() => setDialog("cancel")}>
            {t("bulk.cancel")}
          </Button>
          {ids.length <= EXPORT_IDS_MAX && (
            <a
              className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm dark:border-slate-700 dark:bg-slate-900"
              href={apiUrl(api.bookings.export, { fleetId, ids })}
              download
            >
              {t("bulk.exportCsv")}
            </a>
          )}
          <Button size="sm" variant="ghost" onClick={onClear}>
            {t("bulk.clear")}
          </Button>
        </div>
      )}
      {outcome && (
        <div
          ref={outcomeRef}
          tabIndex={-1}
          role="status"
          data-testid="bulk-outcome"
          className="space-y-1 rounded-lg border border-slate-200 p-3 text-sm focus:outline-none dark:border-slate-800"
        >
          {outcome.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {dialog === "cancel" && (
        <BulkCancelDialog
          fleetId={fleetId}
          selected={selected}
          open
          onOpenChange={(open) => !open && close("cancel")}
          onDone={done}
        />
      )}
      {dialog === "assign" && (
        <BulkAssignDialog
          fleetId={fleetId}
          selected={selected}
          drivers={drivers}
          open
          onOpenChange={(open) => !open && close("assign")}
          onDone={done}
        />
      )}
    </>
  );
}
