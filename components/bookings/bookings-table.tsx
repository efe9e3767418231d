"use client";
// The bookings list's table on TanStack Table, loaded with its rows after the page (see bookings-list-client.tsx).
import { getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import type { BookingView } from "@/lib/bookings/records";
import { useBookingColumns } from "./booking-columns";

export function BookingsTable({ fleetId, bookings }: { fleetId: string; bookings: BookingView[] }) {
  const t = useTranslations("bookings");
  const columns = useBookingColumns(fleetId);
  const table = useReactTable({
    data: bookings,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (b) => b.id,
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
