"use client";
// The fleet's vehicles: a table filtered, sorted and paged on the server with its state in the URL; admins
// add, edit, retire and import them. The forms load when they open, so the list's first load stays light.
import { useState } from "react";
import dynamic from "next/dynamic";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { useFormat } from "@/components/ui/format-provider";
import { failureOf, useAction } from "@/components/ui/use-action";
import { retireVehicleAction, vehicleOptionsAction } from "@/lib/actions/vehicles";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey } from "@/lib/api/client";
import {
  VEHICLE_PAGE_SIZE,
  vehicleListParams,
  vehicleOptionsQueryKey,
  vehicleTableParams,
} from "@/lib/vehicles/table-params";
import type { VehicleOptions, VehicleRow } from "@/lib/vehicles/vehicles";
import { VehicleFilters } from "./vehicle-filters";
import { VehicleTable } from "./vehicle-table";

function Loading() {
  const t = useTranslations("vehicles");
  return (
    <div className="py-8" aria-busy="true">
      <Spinner label={t("loadingForm")} />
    </div>
  );
}

const VehicleForm = dynamic(() => import("./vehicle-form-client").then((m) => m.VehicleForm), {
  ssr: false,
  loading: () => <Loading />,
});
const VehicleImport = dynamic(() => import("./vehicle-import-client").then((m) => m.VehicleImport), {
  ssr: false,
  loading: () => <Loading />,
});

type Mode = { kind: "list" } | { kind: "add" } | { kind: "edit"; vehicle: VehicleRow } | { kind: "import" };

interface Notice {
  tone: "success" | "danger";
  text: string;
}

async function loadOptions(fleetId: string): Promise<VehicleOptions> {
  const result = await vehicleOptionsAction({ fleetId });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

export function VehiclesPageClient({ fleetId, canManage }: { fleetId: string; canManage: boolean }) {
  const t = useTranslations("vehicles");
  const f = useFormat();
  const [state, setState] = useQueryStates(vehicleTableParams, { history: "replace", scroll: false });
  const [mode, setMode] = useState<Mode>({ kind: "list" });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [retiringId, setRetiringId] = useState<string | null>(null);
  const params = vehicleListParams(fleetId, state);
  const vehicles = useQuery({
    queryKey: apiKey(api.vehicles.list, params),
    queryFn: ({ signal }) => apiGet(api.vehicles.list, params, { signal }),
    placeholderData: keepPreviousData,
  });
  const options = useQuery({ queryKey: vehicleOptionsQueryKey(fleetId), queryFn: () => loadOptions(fleetId) });
  const retire = useAction(retireVehicleAction, {
    invalidates: [["vehicles"]],
    onSuccess: (v) =>
      setNotice({
        tone: "success",
        text: v.retiredAt ? t("notices.retired", { plate: v.plate }) : t("notices.reinstated", { plate: v.plate }),
      }),
  });
  const done = (text: string) => {
    setMode({ kind: "list" });
    setNotice({ tone: "success", text });
  };

  if (mode.kind === "add" || mode.kind === "edit") {
    return (
      <Card>
        <h2 className="mb-3 text-lg font-semibold">
          {mode.kind === "add" ? t("form.addHeading") : t("form.editHeading", { plate: mode.vehicle.plate })}
        </h2>
        <VehicleForm
          fleetId={fleetId}
          vehicle={mode.kind === "edit" ? mode.vehicle : undefined}
          options={options.data ?? { depots: [], drivers: [], keys: [] }}
          onDone={done}
          onCancel={() => setMode({ kind: "list" })}
        />
      </Card>
    );
  }
  if (mode.kind === "import") {
    return (
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("import.heading")}</h2>
        <VehicleImport fleetId={fleetId} onDone={done} onCancel={() => setMode({ kind: "list" })} />
      </Card>
    );
  }

  const data = vehicles.data;
  const filtered = Boolean(state.q || state.depotId || state.driverId || state.standard || state.status !== "active");
  const actions = canManage && (
    <div className="flex flex-wrap gap-2">
      <Button type="button" onClick={() => setMode({ kind: "add" })}>
        {t("add")}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setMode({ kind: "import" })}>
        {t("importCsv")}
      </Button>
    </div>
  );
  const empty = data !== undefined && data.total === 0 && !filtered;
  const first = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? Math.min(data.page * data.pageSize, data.total) : 0;
  const lastPage = data ? Math.max(1, Math.ceil(data.total / VEHICLE_PAGE_SIZE)) : 1;

  return (
    <div className="space-y-4">
      {notice && (
        <p
          role="status"
          className={
            notice.tone === "success"
              ? "rounded-md bg-emerald-50 p-3 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
              : "rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
          }
        >
          {notice.text}
        </p>
      )}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <VehicleFilters
          filters={state}
          options={options.data}
          onChange={(next) => void setState({ ...next, page: null })}
        />
        {/* An empty fleet says what to do in the middle of the page instead. */}
        {!empty && actions}
      </div>

      {!data ? (
        <div className="py-8" aria-busy="true">
          <Spinner label={t("loading")} />
        </div>
      ) : empty ? (
        <EmptyState title={t("emptyTitle")} action={actions}>
          <p>{canManage ? t("emptyText") : t("emptyTextReader")}</p>
        </EmptyState>
      ) : data.total === 0 ? (
        <EmptyState
          title={t("noMatchTitle")}
          action={
            <Button
              type="button"
              variant="secondary"
              onClick={() =>
                void setState({ q: null, depotId: null, driverId: null, standard: null, status: null, page: null })
              }
            >
              {t("clearFilters")}
            </Button>
          }
        />
      ) : (
        <>
          <VehicleTable
            rows={data.rows}
            busy={vehicles.isFetching}
            sort={state.sort}
            dir={state.dir}
            onSort={(sort, dir) => void setState({ sort, dir, page: null })}
            actions={
              canManage
                ? (v) => (
                    <div className="flex gap-1">
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        aria-label={t("editLabel", { plate: v.plate })}
                        onClick={() => {
                          setNotice(null);
                          setMode({ kind: "edit", vehicle: v });
                        }}
                      >
                        {t("edit")}
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        loading={retire.isPending && retiringId === v.id}
                        aria-label={
                          v.retiredAt ? t("reinstateLabel", { plate: v.plate }) : t("retireLabel", { plate: v.plate })
                        }
                        onClick={() => {
                          setRetiringId(v.id);
                          retire.mutate(
                            { fleetId, id: v.id, retired: !v.retiredAt },
                            { onError: (e) => setNotice({ tone: "danger", text: failureOf(e)?.message ?? "" }) },
                          );
                        }}
                      >
                        {v.retiredAt ? t("reinstate") : t("retire")}
                      </Button>
                    </div>
                  )
                : undefined
            }
          />
          <nav className="flex flex-wrap items-center justify-between gap-2 text-sm" aria-label={t("pager.label")}>
            <p aria-live="polite">
              {t("pager.showing", { first: f.number(first), last: f.number(last), total: f.number(data.total) })}
            </p>
            <div className="flex gap-2">
              <Button
                type="button"
                variant="secondary"
                size="sm"
                disabled={state.page <= 1}
                onClick={() => void setState({ page: state.page - 1 > 1 ? state.page - 1 : null })}
              >
                {t("pager.previous")}
              </Button>
              <Button
                type="button"
                variant="secondary"
                size="sm"
                disabled={state.page >= lastPage}
                onClick={() => void setState({ page: state.page + 1 })}
              >
                {t("pager.next")}
              </Button>
            </div>
          </nav>
        </>
      )}
    </div>
  );
}
