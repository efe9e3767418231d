"use client";
// The dispatcher's bookings: filters kept in the URL, live statuses, cancel, what needs attention, and the
// matching bookings as CSV.
import { useQuery } from "@tanstack/react-query";
import { getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import type { FleetDriver } from "@/lib/bookings/records";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey, apiUrl } from "@/lib/api/client";
import { listPollInterval } from "./api";
import { useBookingColumns } from "./booking-columns";
import { BookingFilterBar } from "./booking-filter-bar";
import { useBookingFilters } from "./use-booking-filters";

export function BookingsList({ fleetId, drivers }: { fleetId: string; drivers: Pick<FleetDriver, "id" | "name">[] }) {
  const t = useTranslations("bookings");
  const { filters, setFilters, params } = useBookingFilters(fleetId);

  const query = useQuery({
    queryKey: apiKey(api.bookings.list, params),
    queryFn: () => apiGet(api.bookings.list, { ...params, refresh: "1" }),
    // Never fully off: bookings booked elsewhere, or settled by the reconciler, should appear here too.
    refetchInterval: (q) => listPollInterval(q.state.data?.bookings) || 15_000,
  });

  const bookings = query.data?.bookings;
  const columns = useBookingColumns(fleetId);
  const table = useReactTable({
    data: bookings ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (b) => b.id,
  });
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

      {query.isPending && <Spinner />}
      {query.isError && <p className="text-sm text-red-600">{query.error.message}</p>}
      {bookings && bookings.length === 0 && <EmptyState title={t("list.emptyTitle")}>{t("list.emptyText")}</EmptyState>}
      {bookings && bookings.length > 0 && (
        <div className="rounded-lg border border-slate-200 dark:border-slate-800">
          <DataTable
            table={table}
            label={t("list.tableLabel")}
            rowLabel={(b) => b.charger.name}
            rowAttributes={(b) => ({ "data-booking-id": b.id })}
          />
        </div>
      )}
    </div>
  );
}
