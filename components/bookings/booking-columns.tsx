"use client";
// The bookings table's columns. On a phone a row keeps its selection box, what it is, where, and Cancel; when,
// who and the price open from its details.
import Link from "next/link";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormat } from "@/components/ui/format-provider";
import type { BookingView } from "@/lib/bookings/records";
import { PROVIDER_LABELS } from "@/lib/domain";
import { SelectionBox } from "./bulk-selection-box";
import { CancelBookingButton } from "./cancel-button-client";
import { BookingStatusBadge } from "./status-badge";

export function useBookingColumns(fleetId: string): ColumnDef<BookingView>[] {
  const f = useFormat();
  const t = useTranslations("bookings");
  return useMemo(
    () => [
      {
        // The bulk actions' selection: the header's box takes every booking on this page.
        id: "select",
        header: ({ table }) => (
          <SelectionBox
            label={t("bulk.selectPage")}
            checked={table.getIsAllPageRowsSelected()}
            indeterminate={table.getIsSomePageRowsSelected()}
            onChange={table.getToggleAllPageRowsSelectedHandler()}
          />
        ),
        cell: ({ row }) => (
          <SelectionBox
            label={t("bulk.selectOne", {
              charger: row.original.charger.name,
              window: f.window(row.original.windowStart, row.original.windowEnd, row.original.charger.timeZone),
            })}
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        ),
        meta: { label: t("bulk.selectColumn"), className: "w-0" },
      },
      {
        id: "status",
        header: t("list.columns.status"),
        cell: ({ row: { original: b } }) => (
          <span className="flex flex-wrap items-center gap-1">
            <BookingStatusBadge status={b.status} />
            {b.needsAttention && (
              <span className="text-xs font-medium text-red-700 dark:text-red-300">{t("list.needsAttention")}</span>
            )}
          </span>
        ),
      },
      {
        id: "charger",
        header: t("list.columns.charger"),
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
        header: t("list.columns.window"),
        cell: ({ row: { original: b } }) => f.window(b.windowStart, b.windowEnd, b.charger.timeZone),
        meta: { priority: 3 },
      },
      {
        id: "driver",
        header: t("list.columns.driver"),
        cell: ({ row: { original: b } }) =>
          b.assignedDriver?.name ?? <span className="text-slate-500">{t("list.unassigned")}</span>,
        meta: { priority: 3 },
      },
      {
        id: "price",
        header: t("list.columns.price"),
        cell: ({ row: { original: b } }) => (
          <>
            {f.money(b.priceMinor, b.currency)}
            {b.feeMinor ? (
              <div className="text-xs text-red-700 dark:text-red-300">
                {t("list.fee", { fee: f.money(b.feeMinor, b.currency) })}
              </div>
            ) : null}
          </>
        ),
        meta: { priority: 2 },
      },
      {
        id: "cancel",
        header: "",
        cell: ({ row: { original: b } }) => <CancelBookingButton fleetId={fleetId} booking={b} />,
        meta: { label: t("list.columns.actions") },
      },
    ],
    [fleetId, f, t],
  );
}
