"use client";
// The fleet's charging keys: server-side paged/sorted/filtered table with column choice, CSV, and key actions by role.
import { useMemo, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { SyncingBadge } from "@/components/ui/syncing-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import { DataTable } from "@/components/ui/data-table";
import { Spinner } from "@/components/ui/spinner";
import { useIsClient } from "@/components/ui/use-is-client";
import { api, type EndpointParams } from "@/lib/api/contract";
import { apiGet, toQuery } from "@/lib/api/client";
import { dateText } from "@/components/sessions/format";
import { assignKeyAction, createFleetKeyAction, refreshKeysAction, setKeyEnabledAction } from "@/lib/actions/keys";
import type { KeyRow } from "@/lib/keys/list-keys";
import { KEY_TABLE_PARAMS, keysQueryKey } from "@/lib/keys/schemas";
import type { Role } from "@/lib/auth/permissions";

interface Driver {
  id: string;
  name: string;
}

const FILTER_KEYS = KEY_TABLE_PARAMS;

export function KeysPageClient({ fleetId, role, drivers }: { fleetId: string; role: Role; drivers: Driver[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const isClient = useIsClient();
  const queryClient = useQueryClient();
  const params = Object.fromEntries(FILTER_KEYS.map((k) => [k, searchParams.get(k) ?? undefined])) as Record<
    (typeof FILTER_KEYS)[number],
    string | undefined
  >;
  const page = Number(params.page ?? 1);
  const pageSize = Number(params.pageSize ?? 25);
  const [notice, setNotice] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>({
    contractId: false,
    validFrom: false,
    fleetName: false,
  });
  const [confirming, setConfirming] = useState<KeyRow | null>(null);
  const [creating, setCreating] = useState(false);

  const queryKey = keysQueryKey(fleetId, params);
  const keys = useQuery({
    queryKey,
    queryFn: () => apiGet(api.keys.list, { fleetId, ...params } as EndpointParams<typeof api.keys.list>),
    placeholderData: keepPreviousData,
    // While a row is syncing with its provider, look again now and then so it settles without a reload.
    refetchInterval: (query) => (query.state.data?.rows.some((r) => r.syncing) ? 15_000 : false),
  });

  function setParams(next: Partial<Record<(typeof FILTER_KEYS)[number], string | undefined>>, resetPage = true) {
    const merged = { ...params, ...(resetPage ? { page: undefined } : {}), ...next };
    router.replace(`${pathname}?${toQuery(merged)}`, { scroll: false });
  }

  const afterChange = async (text: string) => {
    setNotice({ tone: "success", text });
    await queryClient.invalidateQueries({ queryKey: ["keys", fleetId] });
  };
  const fail = (message: string) => setNotice({ tone: "danger", text: message });

  const refresh = useMutation({
    mutationFn: () => refreshKeysAction({ fleetId }),
    onSuccess: (r) =>
      r.ok
        ? afterChange(`Keys refreshed: ${r.data.fleetKeys} fleet keys, ${r.data.userKeys} driver keys.`)
        : fail(r.error.message),
  });
  const toggle = useMutation({
    mutationFn: (key: KeyRow) => setKeyEnabledAction({ fleetId, keyId: key.id, enabled: !key.enabled }),
    onSuccess: (r) => {
      setConfirming(null);
      if (!r.ok) return fail(r.error.message);
      const done = r.data.enabled ? "Key enabled" : "Key disabled";
      // The provider has it; our copy follows shortly and the row says "Syncing" until then.
      return afterChange(r.data.syncing ? `${done} at the provider; the table catches up in a moment.` : `${done}.`);
    },
  });
  const assign = useMutation({
    mutationFn: (v: { keyId: string; driverId: string | null }) => assignKeyAction({ fleetId, ...v }),
    onSuccess: (r) => (r.ok ? afterChange("Assignment saved.") : fail(r.error.message)),
  });

  const canAssign = role === "ADMIN" || role === "DISPATCHER";
  const isAdmin = role === "ADMIN";

  const columns = useMemo<ColumnDef<KeyRow>[]>(
    () => [
      // First, and kept in view while the table scrolls sideways: the number printed on the card names every key.
      { id: "visualNumber", header: "Visual number", accessorFn: (k) => k.visualNumber ?? "—" },
      { id: "name", header: "Name", accessorFn: (k) => k.name ?? "—" },
      {
        id: "keyId",
        header: "Key id",
        cell: ({ row }) => <span className="font-mono text-xs">{row.original.keyId}</span>,
      },
      { id: "contractId", header: "Contract id", accessorFn: (k) => k.contractId ?? "—" },
      {
        id: "type",
        header: "Type",
        cell: ({ row }) => <Badge>{row.original.type.replace("_", " ").toLowerCase()}</Badge>,
      },
      {
        id: "enabled",
        header: "Status",
        cell: ({ row }) => (
          <span className="inline-flex flex-wrap gap-1">
            <Badge tone={row.original.enabled ? "success" : "danger"}>
              {row.original.enabled ? "Enabled" : "Disabled"}
            </Badge>
            {row.original.syncing && <SyncingBadge />}
          </span>
        ),
      },
      {
        id: "validFrom",
        header: "Valid from",
        cell: ({ row }) => (isClient ? dateText(row.original.validFrom, { dateStyle: "medium" }) : ""),
      },
      {
        id: "validTo",
        header: "Valid to",
        cell: ({ row }) => (isClient ? dateText(row.original.validTo, { dateStyle: "medium" }) : ""),
      },
      {
        id: "driver",
        header: "Driver",
        cell: ({ row }) =>
          canAssign && row.original.source === "EMP" ? (
            <select
              aria-label={`Driver for key ${row.original.visualNumber ?? row.original.keyId}`}
              className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
              value={row.original.driverId ?? ""}
              onChange={(e) => assign.mutate({ keyId: row.original.id, driverId: e.target.value || null })}
            >
              <option value="">Unassigned</option>
              {drivers.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          ) : (
            (row.original.driverName ?? "Unassigned")
          ),
      },
      { id: "fleetName", header: "Fleet", enableSorting: false, accessorFn: (k) => k.fleetName ?? "—" },
      {
        id: "actions",
        header: "",
        meta: { label: "Actions" },
        enableSorting: false,
        enableHiding: false,
        cell: ({ row }) =>
          isAdmin && row.original.source === "EMP" ? (
            <Button
              size="sm"
              variant={row.original.enabled ? "secondary" : "primary"}
              disabled={row.original.syncing}
              onClick={() => setConfirming(row.original)}
            >
              {row.original.enabled ? "Disable" : "Enable"}
            </Button>
          ) : null,
      },
    ],
    [assign, canAssign, drivers, isAdmin, isClient],
  );

  const sorting: SortingState = [{ id: params.sort ?? "name", desc: params.dir === "desc" }];
  const table = useReactTable({
    data: keys.data?.rows ?? [],
    columns,
    state: { sorting, columnVisibility, pagination: { pageIndex: page - 1, pageSize } },
    manualSorting: true,
    manualPagination: true,
    rowCount: keys.data?.total ?? 0,
    onColumnVisibilityChange: setColumnVisibility,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      setParams({ sort: next[0]?.id, dir: next[0]?.desc ? "desc" : "asc" });
    },
    getCoreRowModel: getCoreRowModel(),
  });
  const pageCount = Math.max(1, Math.ceil((keys.data?.total ?? 0) / pageSize));

  return (
    <div className="space-y-4">
      {notice && (
        <p
          role="status"
          className={
            notice.tone === "success"
              ? "text-sm text-emerald-700 dark:text-emerald-300"
              : "text-sm text-red-700 dark:text-red-300"
          }
        >
          {notice.text}
        </p>
      )}

      <div className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <SelectField
            label="Driver"
            value={params.driverId ?? ""}
            onChange={(e) => setParams({ driverId: e.target.value || undefined })}
          >
            <option value="">All drivers</option>
            <option value="none">Unassigned</option>
            {drivers.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="w-36">
          <SelectField
            label="Type"
            value={params.type ?? ""}
            onChange={(e) => setParams({ type: e.target.value || undefined })}
          >
            <option value="">All types</option>
            <option value="RFID_CARD">RFID card</option>
            <option value="RFID_TAG">RFID tag</option>
            <option value="VIRTUAL">Virtual</option>
          </SelectField>
        </div>
        <div className="w-36">
          <SelectField
            label="Status"
            value={params.status ?? ""}
            onChange={(e) => setParams({ status: e.target.value || undefined })}
          >
            <option value="">Any status</option>
            <option value="enabled">Enabled</option>
            <option value="disabled">Disabled</option>
          </SelectField>
        </div>
        <div className="w-40">
          <SelectField
            label="Expiring"
            value={params.expiringWithinDays ?? ""}
            onChange={(e) => setParams({ expiringWithinDays: e.target.value || undefined })}
          >
            <option value="">Any validity</option>
            <option value="30">Within 30 days</option>
            <option value="90">Within 90 days</option>
            <option value="365">Within a year</option>
          </SelectField>
        </div>
        <div className="w-56">
          <InputField
            label="Search"
            placeholder="Name, number, key id"
            defaultValue={params.q ?? ""}
            onKeyDown={(e) => e.key === "Enter" && setParams({ q: e.currentTarget.value || undefined })}
          />
        </div>
        <div className="ml-auto flex gap-2">
          <details className="relative">
            <summary className="inline-flex h-10 cursor-pointer items-center rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700">
              Columns
            </summary>
            <div className="absolute right-0 z-10 mt-1 w-48 rounded-md border border-slate-200 bg-white p-2 shadow dark:border-slate-700 dark:bg-slate-900">
              {table
                .getAllLeafColumns()
                .filter((c) => c.getCanHide())
                .map((column) => (
                  <label key={column.id} className="flex items-center gap-2 py-1 text-sm">
                    <input
                      type="checkbox"
                      checked={column.getIsVisible()}
                      onChange={column.getToggleVisibilityHandler()}
                    />
                    {String(column.columnDef.header)}
                  </label>
                ))}
            </div>
          </details>
          <a
            className="inline-flex h-10 items-center rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700"
            href={`/api/keys/export?${toQuery({ fleetId, ...params, page: undefined, pageSize: undefined })}`}
            download
          >
            Export CSV
          </a>
          <Button variant="secondary" loading={refresh.isPending} onClick={() => refresh.mutate()}>
            Refresh
          </Button>
          {isAdmin && <Button onClick={() => setCreating((v) => !v)}>New fleet key</Button>}
        </div>
      </div>

      {creating && isAdmin && (
        <CreateKeyForm
          fleetId={fleetId}
          onDone={async (text) => {
            setCreating(false);
            await afterChange(text);
          }}
        />
      )}

      {confirming && (
        <Card
          role="alertdialog"
          aria-label={confirming.enabled ? "Disable key" : "Enable key"}
          className="border-amber-300 dark:border-amber-700"
        >
          <p className="font-medium">
            {confirming.enabled ? "Disable" : "Enable"} key {confirming.visualNumber ?? confirming.keyId}?
          </p>
          {confirming.enabled && (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              Plugsurfing stops accepting it at once, but some operators keep a cached list of allowed keys and may
              still accept a disabled key at their chargers for a while (hours, sometimes days). Collect the card if it
              must not be used.
            </p>
          )}
          <div className="mt-3 flex gap-2">
            <Button
              variant={confirming.enabled ? "danger" : "primary"}
              loading={toggle.isPending}
              onClick={() => toggle.mutate(confirming)}
            >
              {confirming.enabled ? "Disable key" : "Enable key"}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
          </div>
        </Card>
      )}

      <div className="rounded-lg border border-slate-200 dark:border-slate-800">
        <DataTable
          table={table}
          label="Charging keys"
          busy={keys.isFetching}
          layout="scroll"
          cellClassName="whitespace-nowrap"
        />
        {keys.isLoading && (
          <div className="p-4">
            <Spinner label="Loading keys…" />
          </div>
        )}
        {keys.isError && <p className="p-4 text-sm text-red-700">{keys.error.message}</p>}
        {keys.data && keys.data.total === 0 && (
          <p className="p-4 text-sm text-slate-600 dark:text-slate-400">
            No keys match. Press Refresh to fetch the fleet&apos;s keys from Plugsurfing.
          </p>
        )}
      </div>

      <div className="flex items-center justify-between text-sm">
        <span>{keys.data ? `${keys.data.total} keys` : ""}</span>
        <div className="flex items-center gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={page <= 1}
            onClick={() => setParams({ page: String(page - 1) }, false)}
          >
            Previous
          </Button>
          <span>
            Page {page} of {pageCount}
          </span>
          <Button
            size="sm"
            variant="secondary"
            disabled={page >= pageCount}
            onClick={() => setParams({ page: String(page + 1) }, false)}
          >
            Next
          </Button>
        </div>
      </div>
    </div>
  );
}

function CreateKeyForm({ fleetId, onDone }: { fleetId: string; onDone(text: string): Promise<void> }) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (form: FormData) =>
      createFleetKeyAction({
        fleetId,
        keyIdentifier: form.get("keyIdentifier"),
        visualNumber: form.get("visualNumber"),
        validTo: form.get("validTo") || undefined,
      }),
    onSuccess: async (r) => {
      if (r.ok) return onDone("Key created.");
      setErrors(r.error.fieldErrors ?? {});
      setMessage(r.error.message);
    },
  });
  return (
    <Card>
      <form
        className="grid gap-3 sm:grid-cols-4 sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(new FormData(e.currentTarget));
        }}
      >
        <InputField name="keyIdentifier" label="Key identifier (UID, hex)" required error={errors.keyIdentifier} />
        <InputField name="visualNumber" label="Visual number" required error={errors.visualNumber} />
        <InputField name="validTo" label="Valid to (optional)" type="date" error={errors.validTo} />
        <Button type="submit" loading={create.isPending}>
          Create key
        </Button>
        {message && (
          <p className="text-sm text-red-700 sm:col-span-4" role="status">
            {message}
          </p>
        )}
      </form>
    </Card>
  );
}
