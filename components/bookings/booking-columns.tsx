"use client";
// The bookings table's columns. On a phone a row keeps what it is, where, and Cancel; when, who and the
// price open from its details.
import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import type { BookingView } from "@/lib/bookings/records";
import { PROVIDER_LABELS } from "@/lib/domain";
import type { Formatter } from "@/lib/format";
import { CancelBookingButton } from "./cancel-button-client";
import { BookingStatusBadge } from "./status-badge";

export function bookingColumns(fleetId: string, f: Formatter): ColumnDef<BookingView>[] {
  return [
    {
      id: "status",
      header: "Status",
      cell: ({ row: { original: b } }) => (
        <span className="flex flex-wrap items-center gap-1">
          <BookingStatusBadge status={b.status} />
          {b.needsAttention && (
            <span className="text-xs font-medium text-red-700 dark:text-red-300">Needs attention</span>
          )}
        </span>
      ),
    },
    {
      id: "charger",
      header: "Charger",
      cell: ({ row: { original: b } }) => (
        <>
          <Link className="font-medium underline-offset-2 hover:underline" href={`/bookings/${b.id}`}>
            {b.charger.name}
          </Link>
          <div className="text-xs text-slate-500">{PROVIDER_LABELS[b.provider]}</div>
        </>
      ),
    },
    {
      id: "window",
      header: "Window (at the charger)",
      cell: ({ row: { original: b } }) => f.window(b.windowStart, b.windowEnd, b.charger.timeZone),
      meta: { priority: 3 },
    },
    {
      id: "driver",
      header: "Driver",
      cell: ({ row: { original: b } }) => b.assignedDriver?.name ?? <span className="text-slate-500">Unassigned</span>,
      meta: { priority: 3 },
    },
    {
      id: "price",
      header: "Price",
      cell: ({ row: { original: b } }) => (
        <>
          {f.money(b.priceMinor, b.currency)}
          {b.feeMinor ? (
            <div className="text-xs text-red-700 dark:text-red-300">Fee {f.money(b.feeMinor, b.currency)}</div>
          ) : null}
        </>
      ),
      meta: { priority: 2 },
    },
    {
      id: "cancel",
      header: "",
      cell: ({ row: { original: b } }) => <CancelBookingButton fleetId={fleetId} booking={b} />,
      meta: { label: "Actions" },
    },
  ];
}
