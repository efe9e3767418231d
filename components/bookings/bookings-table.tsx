"use client";
// The bookings list's table on TanStack Table, loaded with its rows after the page (see bookings-list-client.tsx).
// The selection for the bulk actions is the list's: it is kept there, keyed by booking id.
import { getCoreRowModel, useReactTable, type OnChangeFn, type RowSelectionState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import type { BookingView } from "@/lib/bookings/records";
import { useBookingColumns } from "./booking-columns";

export function BookingsTable({
  fleetId,
  bookings,
  selection,
  onSelectionChange,
}: {
  fleetId: string;
  bookings: BookingView[];
  selection: RowSelectionState;
  onSelectionChange: OnChangeFn<RowSelectionState>;
}) {
  const t = useTranslations("bookings");
  const columns = useBookingColumns(fleetId);
  const table = useReactTable({
    data: bookings,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (b) => b.id,
    enableRowSelection: true,
    state: { rowSelection: selection },
    onRowSelectionChange: onSelectionChange,
  });
  return (
    <DataTable
      table={table}
      label={t("list.tableLabel")}
      rowLabel={(b) => b.charger.name}
      rowAttributes={(b) => ({ "data-booking-id": b.id })}
    />
  );
}
