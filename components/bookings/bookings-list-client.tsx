"use client";
// The dispatcher's bookings: filters kept in the URL, live statuses, cancel, and what needs attention.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, InputField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import type { BookingView, FleetDriver } from "@/lib/bookings/records";
import { BOOKING_STATUSES, PROVIDER_LABELS, providersThat } from "@/lib/domain";
import { api } from "@/lib/api/contract";
import { apiGet, apiKey } from "@/lib/api/client";
import { listPollInterval } from "./api";
import { CancelBookingButton } from "./cancel-button-client";
import { formatMinor, formatWindow } from "./format";
import { BookingStatusBadge, STATUS_LABELS } from "./status-badge";

const FILTER_KEYS = ["status", "attention", "driverId", "provider", "date"] as const;

// On a phone a row keeps what it is, where, and Cancel; when, who and the price open from its details.
function bookingColumns(fleetId: string): ColumnDef<BookingView>[] {
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
      cell: ({ row: { original: b } }) => formatWindow(b.windowStart, b.windowEnd, b.charger.timeZone),
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
          {formatMinor(b.priceMinor, b.currency) ?? "—"}
          {b.feeMinor ? (
            <div className="text-xs text-red-700 dark:text-red-300">Fee {formatMinor(b.feeMinor, b.currency)}</div>
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

export function BookingsList({ fleetId, drivers }: { fleetId: string; drivers: Pick<FleetDriver, "id" | "name">[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter = Object.fromEntries(FILTER_KEYS.map((k) => [k, searchParams.get(k) ?? undefined]));

  const query = useQuery({
    queryKey: apiKey(api.bookings.list, { fleetId, ...filter }),
    queryFn: () => apiGet(api.bookings.list, { fleetId, ...filter, refresh: "1" }),
    // Never fully off: bookings booked elsewhere, or settled by the reconciler, should appear here too.
    refetchInterval: (q) => listPollInterval(q.state.data?.bookings) || 15_000,
  });

  function setFilter(key: (typeof FILTER_KEYS)[number], value: string) {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === "attention") next.delete("status");
    if (key === "status") next.delete("attention");
    router.replace(`${pathname}?${next}`);
  }

  const bookings = query.data?.bookings;
  const columns = useMemo(() => bookingColumns(fleetId), [fleetId]);
  const table = useReactTable({
    data: bookings ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (b) => b.id,
  });
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-5">
        <SelectField label="Status" value={filter.status ?? ""} onChange={(e) => setFilter("status", e.target.value)}>
          <option value="">Any</option>
          {BOOKING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Driver"
          value={filter.driverId ?? ""}
          onChange={(e) => setFilter("driverId", e.target.value)}
        >
          <option value="">Anyone</option>
          {drivers.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Provider"
          value={filter.provider ?? ""}
          onChange={(e) => setFilter("provider", e.target.value)}
        >
          <option value="">Any</option>
          {providersThat("bookings").map((p) => (
            <option key={p} value={p}>
              {PROVIDER_LABELS[p]}
            </option>
          ))}
        </SelectField>
        <InputField
          label="Day"
          type="date"
          value={filter.date ?? ""}
          onChange={(e) => setFilter("date", e.target.value)}
        />
        <label className="flex items-end gap-2 pb-2 text-sm">
          <input
            type="checkbox"
            checked={filter.attention === "1"}
            onChange={(e) => setFilter("attention", e.target.checked ? "1" : "")}
          />
          Needs attention
        </label>
      </div>

      {query.isPending && <Spinner />}
      {query.isError && <p className="text-sm text-red-600">{query.error.message}</p>}
      {bookings && bookings.length === 0 && (
        <EmptyState title="No bookings match">Book a charger from the map or with “New booking”.</EmptyState>
      )}
      {bookings && bookings.length > 0 && (
        <div className="rounded-lg border border-slate-200 dark:border-slate-800">
          <DataTable
            table={table}
            label="Bookings"
            rowLabel={(b) => b.charger.name}
            rowAttributes={(b) => ({ "data-booking-id": b.id })}
          />
        </div>
      )}
    </div>
  );
}
