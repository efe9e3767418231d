"use client";
// The dispatcher's bookings: filters kept in the URL, live statuses, cancel, what needs attention, pages of
// later and earlier windows, the matching bookings as CSV, and bulk actions on the selected ones.
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { RowSelectionState } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import type { FleetDriver } from "@/lib/bookings/records";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey, apiUrl } from "@/lib/api/client";
import { listPollInterval } from "./api";
import { BookingFilterBar } from "./booking-filter-bar";
import { useBookingFilters } from "./use-booking-filters";

// TanStack Table and the row actions load with the rows, after the page; until then the spinner stays.
const BookingsTable = dynamic(() => import("./bookings-table").then((m) => m.BookingsTable), {
  ssr: false,
  loading: () => <Spinner />,
});
// The bulk actions matter once rows can be selected: they load with the table, not with the page.
const BulkBookingsToolbar = dynamic(() => import("./bulk-toolbar-client").then((m) => m.BulkBookingsToolbar), {
  ssr: false,
});

export function BookingsList({ fleetId, drivers }: { fleetId: string; drivers: Pick<FleetDriver, "id" | "name">[] }) {
  const t = useTranslations("bookings");
  const { filters, setFilters, params } = useBookingFilters(fleetId);
  // The page in view: none for the first, or the cursor it was reached by; new filters start at the first.
  const [cursor, setCursor] = useState<{ before?: string; after?: string }>({});
  const [cursorOf, setCursorOf] = useState(params);
  if (JSON.stringify(cursorOf) !== JSON.stringify(params)) {
    setCursorOf(params);
    setCursor({});
  }
  const pageParams = { ...params, ...cursor };
  // The bulk actions' selection is of the page in view: another page or other filters start with none.
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [selectionOf, setSelectionOf] = useState(pageParams);
  if (JSON.stringify(selectionOf) !== JSON.stringify(pageParams)) {
    setSelectionOf(pageParams);
    setSelection({});
  }

  const query = useQuery({
    queryKey: apiKey(api.bookings.list, pageParams),
    queryFn: () => apiGet(api.bookings.list, { ...pageParams, refresh: "1" }),
    // While another page loads, the one in view stays (new filters show the spinner, as before).
    placeholderData: cursor.before || cursor.after ? keepPreviousData : undefined,
    // Never fully off: bookings booked elsewhere, or settled by the reconciler, should appear here too.
    refetchInterval: (q) => listPollInterval(q.state.data?.bookings) || 15_000,
  });

  const bookings = query.data?.bookings;
  const older = query.data?.older ?? null;
  const newer = query.data?.newer ?? null;
  const selected = bookings?.filter((b) => selection[b.id]) ?? [];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <BookingFilterBar filters={filters} onChange={setFilters} drivers={drivers} />
        <a
          className="inline-flex h-10 items-center rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700"
          href={apiUrl(api.bookings.export, params)}
          download
        >
          {t("list.exportCsv")}
        </a>
      </div>

      <BulkBookingsToolbar fleetId={fleetId} selected={selected} drivers={drivers} onClear={() => setSelection({})} />

      {query.isPending && <Spinner />}
      {query.isError && <p className="text-sm text-red-600">{query.error.message}</p>}
      {bookings && bookings.length === 0 && <EmptyState title={t("list.emptyTitle")}>{t("list.emptyText")}</EmptyState>}
      {bookings && bookings.length > 0 && (
        <div className="rounded-lg border border-slate-200 dark:border-slate-800">
          <BookingsTable fleetId={fleetId} bookings={bookings} selection={selection} onSelectionChange={setSelection} />
        </div>
      )}
      {(older || newer) && (
        <nav aria-label={t("list.pager.label")} className="flex items-center justify-between text-sm">
          <Button
            variant="secondary"
            size="sm"
            disabled={!newer || query.isPlaceholderData}
            onClick={() => setCursor(newer ? { after: newer } : {})}
          >
            {t("list.pager.later")}
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={!older || query.isPlaceholderData}
            onClick={() => setCursor(older ? { before: older } : {})}
          >
            {t("list.pager.earlier")}
          </Button>
        </nav>
      )}
    </div>
  );
}
