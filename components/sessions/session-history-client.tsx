"use client";
// The session history with its filters in the URL (status, dates, driver, key, operator, country), paging and CSV.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { DataTable } from "@/components/ui/data-table";
import { Spinner } from "@/components/ui/spinner";
import { useIsClient } from "@/components/ui/use-is-client";
import { syncSessionsAction } from "@/lib/actions/sessions";
import { api } from "@/lib/api/contract";
import { apiGet, apiKey, apiUrl, toQuery } from "@/lib/api/client";
import { dateText } from "./format";
import { sessionColumns } from "./session-columns";

export const SESSION_FILTER_KEYS = [
  "status",
  "from",
  "to",
  "driverId",
  "keyId",
  "operator",
  "country",
  "page",
] as const;
type FilterKey = (typeof SESSION_FILTER_KEYS)[number];

export interface SessionFilterOptions {
  statuses: string[];
  operators: string[];
  countries: string[];
  drivers: Array<{ id: string; name: string }>;
  keys: Array<{ id: string; label: string }>;
}

export function SessionHistory({
  fleetId,
  isDriver,
  canSync,
  options,
}: {
  fleetId: string;
  isDriver: boolean;
  canSync: boolean;
  options: SessionFilterOptions;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const isClient = useIsClient();
  const queryClient = useQueryClient();
  const params = Object.fromEntries(SESSION_FILTER_KEYS.map((k) => [k, searchParams.get(k) ?? undefined])) as Record<
    FilterKey,
    string | undefined
  >;
  const page = Number(params.page ?? 1);
  const pageSize = 25;
  const timeZone = isClient ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC";

  const sessions = useQuery({
    queryKey: apiKey(api.sessions.list, { fleetId, ...params, pageSize, timeZone }),
    queryFn: () => apiGet(api.sessions.list, { fleetId, ...params, pageSize, timeZone }),
    placeholderData: keepPreviousData,
    enabled: isClient,
  });
  const sync = useMutation({
    mutationFn: () => syncSessionsAction({ fleetId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["sessions"] }),
  });

  function setParam(key: FilterKey, value: string | undefined) {
    const next = { ...params, page: undefined, [key]: value || undefined };
    router.replace(`${pathname}?${toQuery(next)}`, { scroll: false });
  }

  const columns = useMemo(() => sessionColumns(isDriver), [isDriver]);
  const table = useReactTable({
    data: sessions.data?.rows ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (s) => s.id,
    manualPagination: true,
  });
  const pageCount = Math.max(1, Math.ceil((sessions.data?.total ?? 0) / pageSize));
  const exportHref = apiUrl(api.sessions.export, { fleetId, ...params, timeZone });

  return (
    <section aria-label="Session history" className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-40">
          <SelectField label="Status" value={params.status ?? ""} onChange={(e) => setParam("status", e.target.value)}>
            <option value="">Any status</option>
            {options.statuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="w-40">
          <InputField
            label="From"
            type="date"
            value={params.from ?? ""}
            onChange={(e) => setParam("from", e.target.value)}
          />
        </div>
        <div className="w-40">
          <InputField label="To" type="date" value={params.to ?? ""} onChange={(e) => setParam("to", e.target.value)} />
        </div>
        {!isDriver && (
          <div className="w-44">
            <SelectField
              label="Driver"
              value={params.driverId ?? ""}
              onChange={(e) => setParam("driverId", e.target.value)}
            >
              <option value="">All drivers</option>
              {options.drivers.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </SelectField>
          </div>
        )}
        {options.keys.length > 0 && (
          <div className="w-40">
            <SelectField label="Key" value={params.keyId ?? ""} onChange={(e) => setParam("keyId", e.target.value)}>
              <option value="">Any key</option>
              {options.keys.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
            </SelectField>
          </div>
        )}
        <div className="w-40">
          <SelectField
            label="Operator"
            value={params.operator ?? ""}
            onChange={(e) => setParam("operator", e.target.value)}
          >
            <option value="">All operators</option>
            {options.operators.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="w-32">
          <SelectField
            label="Country"
            value={params.country ?? ""}
            onChange={(e) => setParam("country", e.target.value)}
          >
            <option value="">All</option>
            {options.countries.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="ml-auto flex gap-2">
          <a
            className="inline-flex h-10 items-center rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700"
            href={exportHref}
            download
          >
            Export CSV
          </a>
          {canSync && (
            <Button variant="secondary" loading={sync.isPending} onClick={() => sync.mutate()}>
              Sync now
            </Button>
          )}
        </div>
      </div>
      {sync.data && (
        <p role="status" className="text-sm">
          {sync.data.ok
            ? `Synced ${sync.data.data.drivers} drivers, ${sync.data.data.changed} sessions new or changed.`
            : sync.data.error.message}
        </p>
      )}
      <div className="rounded-lg border border-slate-200 dark:border-slate-800">
        <DataTable
          table={table}
          label="Sessions"
          busy={sessions.isFetching}
          cellClassName="whitespace-nowrap"
          rowLabel={(s) => `the session of ${dateText(s.startTime)}`}
        />
        {!sessions.data && !sessions.isError && (
          <div className="p-4">
            <Spinner label="Loading sessions…" />
          </div>
        )}
        {sessions.isError && <p className="p-4 text-sm text-red-700">{sessions.error.message}</p>}
        {sessions.data?.total === 0 && (
          <p className="p-4 text-sm text-slate-600 dark:text-slate-400">No sessions match these filters.</p>
        )}
      </div>
      <div className="flex items-center justify-between text-sm">
        <span data-testid="session-total">{sessions.data ? `${sessions.data.total} sessions` : ""}</span>
        <div className="flex items-center gap-2">
          <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => setParam("page", String(page - 1))}>
            Previous
          </Button>
          <span>
            Page {page} of {pageCount}
          </span>
          <Button
            size="sm"
            variant="secondary"
            disabled={page >= pageCount}
            onClick={() => setParam("page", String(page + 1))}
          >
            Next
          </Button>
        </div>
      </div>
    </section>
  );
}
