"use client";
// The dispatcher's bookings: filters kept in the URL, live statuses, cancel, and what needs attention.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, InputField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import type { BookingView, FleetDriver } from "@/lib/bookings/records";
import { BOOKING_STATUSES, PROVIDER_LABELS, providersThat } from "@/lib/domain";
import { bookingKeys, getJson, listPollInterval } from "./api";
import { CancelBookingButton } from "./cancel-button-client";
import { formatMinor, formatWindow } from "./format";
import { BookingStatusBadge, STATUS_LABELS } from "./status-badge";

const FILTER_KEYS = ["status", "attention", "driverId", "provider", "date"] as const;

export function BookingsList({ fleetId, drivers }: { fleetId: string; drivers: Pick<FleetDriver, "id" | "name">[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter = Object.fromEntries(FILTER_KEYS.map((k) => [k, searchParams.get(k) ?? undefined]));

  const query = useQuery({
    queryKey: bookingKeys.list(fleetId, filter),
    queryFn: () => getJson<{ bookings: BookingView[] }>("/api/bookings", { fleetId, ...filter, refresh: "1" }),
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
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 pr-3">Status</th>
                <th className="py-2 pr-3">Charger</th>
                <th className="py-2 pr-3">Window (at the charger)</th>
                <th className="py-2 pr-3">Driver</th>
                <th className="py-2 pr-3">Price</th>
                <th className="py-2" />
              </tr>
            </thead>
            <tbody>
              {bookings.map((b) => (
                <tr key={b.id} data-booking-id={b.id} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="py-2 pr-3">
                    <span className="flex flex-wrap items-center gap-1">
                      <BookingStatusBadge status={b.status} />
                      {b.needsAttention && (
                        <span className="text-xs font-medium text-red-700 dark:text-red-300">Needs attention</span>
                      )}
                    </span>
                  </td>
                  <td className="py-2 pr-3">
                    <Link className="font-medium underline-offset-2 hover:underline" href={`/bookings/${b.id}`}>
                      {b.charger.name}
                    </Link>
                    <div className="text-xs text-slate-500">{PROVIDER_LABELS[b.provider]}</div>
                  </td>
                  <td className="py-2 pr-3">{formatWindow(b.windowStart, b.windowEnd, b.charger.timeZone)}</td>
                  <td className="py-2 pr-3">
                    {b.assignedDriver?.name ?? <span className="text-slate-500">Unassigned</span>}
                  </td>
                  <td className="py-2 pr-3">
                    {formatMinor(b.priceMinor, b.currency) ?? "—"}
                    {b.feeMinor ? (
                      <div className="text-xs text-red-700 dark:text-red-300">
                        Fee {formatMinor(b.feeMinor, b.currency)}
                      </div>
                    ) : null}
                  </td>
                  <td className="py-2">
                    <CancelBookingButton fleetId={fleetId} booking={b} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
