"use client";
// The fleet's charging keys: a table paged, sorted and filtered on the server with its state in the URL,
// column choice, CSV, and the key actions of the reader's role.
import { useCallback, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { SortingState, VisibilityState } from "@tanstack/react-table";
import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import { Spinner } from "@/components/ui/spinner";
import { failureOf, useAction } from "@/components/ui/use-action";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey, apiUrl } from "@/lib/api/client";
import { assignKeyAction, refreshKeysAction } from "@/lib/actions/keys";
import type { Role } from "@/lib/auth/permissions";
import type { KeyRow } from "@/lib/keys/list-keys";
import { KEY_SORTS, keyListParams, keyTableParams } from "@/lib/keys/table-params";
import { AssignPrompt } from "./assign-prompt-client";
import { useKeyColumns, type Driver } from "./key-columns-client";
import { KeyFilters } from "./key-filters-client";
import { KeyPager } from "./key-pager-client";
import { KeyTableActions } from "./key-table-actions-client";
import { CreateKeyForm, MoveKeyDialog } from "./key-forms-lazy";
import type { MoveTarget } from "./move-key-dialog-client";
import { ToggleKeyDialog } from "./toggle-key-dialog-client";

// TanStack Table loads with the rows, after the page (the key queries start meanwhile).
const KeysTable = dynamic(() => import("./keys-table").then((m) => m.KeysTable), { ssr: false });

interface Notice {
  tone: "success" | "danger";
  text: string;
}

export function KeysPageClient({
  fleetId,
  role,
  drivers,
  otherFleet,
  moveTargets,
}: {
  fleetId: string;
  role: Role;
  drivers: Driver[];
  /** The page was opened with a link about another of the reader's fleets. */
  otherFleet: { id: string; name: string } | null;
  /** The other fleets an admin administers, where she may move a key; empty for everyone else. */
  moveTargets: MoveTarget[];
}) {
  const t = useTranslations("keys");
  const [state, setState] = useQueryStates(keyTableParams, { history: "replace", scroll: false });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>({
    contractId: false,
    validFrom: false,
    fleetName: false,
  });
  const [confirming, setConfirming] = useState<KeyRow | null>(null);
  const [moving, setMoving] = useState<KeyRow | null>(null);
  const [creating, setCreating] = useState(false);
  const canAssign = role === "ADMIN" || role === "DISPATCHER";
  const isAdmin = role === "ADMIN";
  const assignToId = state.assignTo;
  const assignTo = drivers.find((d) => d.id === assignToId) ?? null;

  const params = keyListParams(fleetId, state);
  const keys = useQuery({
    queryKey: apiKey(api.keys.list, params),
    queryFn: ({ signal }) => apiGet(api.keys.list, params, { signal }),
    placeholderData: keepPreviousData,
    // While a row is syncing with its provider, look again now and then so it settles without a reload.
    refetchInterval: (query) => (query.state.data?.rows.some((r) => r.syncing) ? 15_000 : false),
  });

  const fail = useCallback(
    (error: unknown) => setNotice({ tone: "danger", text: failureOf(error)?.message ?? "" }),
    [],
  );
  const refresh = useAction(refreshKeysAction, {
    invalidates: [["keys"]],
    onSuccess: (r) =>
      setNotice({
        tone: "success",
        text: [
          t("notices.refreshed", { fleetKeys: r.fleetKeys, userKeys: r.userKeys }),
          // A key stays in the fleet it is in; an admin of both fleets can move it.
          r.inOtherFleets ? t("notices.inOtherFleets", { count: r.inOtherFleets }) : "",
          r.providersFailed.length
            ? t("notices.providersFailed", {
                count: r.providersFailed.length,
                providers: r.providersFailed.reduce((first, second) => t("notices.providersAnd", { first, second })),
              })
            : "",
        ]
          .filter(Boolean)
          .join(" "),
      }),
  });
  const { mutate: assignMutate } = useAction(assignKeyAction, { invalidates: [["keys"]] });
  const [assigningKeyId, setAssigningKeyId] = useState<string | null>(null);
  const assignKey = useCallback(
    (key: KeyRow, driverId: string | null) => {
      setAssigningKeyId(key.id);
      assignMutate(
        { fleetId, keyId: key.id, driverId },
        {
          onSuccess: async () => {
            const driver = drivers.find((d) => d.id === driverId);
            setNotice({
              tone: "success",
              text: driver ? t("notices.assigned", { name: driver.name }) : t("notices.assignmentSaved"),
            });
            // The driver who was waiting has a key now: show theirs.
            if (driver && driver.id === assignToId)
              await setState({ assignTo: null, fleet: null, driverId: driver.id });
          },
          onError: fail,
          onSettled: () => setAssigningKeyId(null),
        },
      );
    },
    [assignMutate, assignToId, drivers, fail, fleetId, setState, t],
  );

  const columns = useKeyColumns({
    drivers,
    canAssign,
    isAdmin,
    assignTo,
    assigningKeyId,
    onAssign: assignKey,
    onToggle: setConfirming,
    onMove: isAdmin && moveTargets.length > 0 ? setMoving : undefined,
  });

  const sorting: SortingState = [{ id: state.sort, desc: state.dir === "desc" }];
  const onSortingChange = (next: SortingState) =>
    void setState({
      sort: KEY_SORTS.find((s) => s === next[0]?.id) ?? null,
      dir: next[0]?.desc ? "desc" : "asc",
      page: null,
    });
  const { page: _page, pageSize: _pageSize, ...filters } = params;

  return (
    <div className="space-y-4">
      <AssignPrompt
        driver={assignTo}
        missingDriver={Boolean(state.assignTo) && !assignTo && !otherFleet}
        otherFleet={otherFleet}
        canAssign={canAssign}
        canCreate={isAdmin}
        onDismiss={() => void setState({ assignTo: null, fleet: null, driverId: null, page: null })}
      />
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
        <KeyFilters filters={state} drivers={drivers} onChange={(next) => void setState({ ...next, page: null })} />
        <KeyTableActions
          columns={columns}
          columnVisibility={columnVisibility}
          onColumnVisibilityChange={setColumnVisibility}
          exportHref={apiUrl(api.keys.export, filters)}
          refreshing={refresh.isPending}
          onRefresh={() => refresh.mutate({ fleetId }, { onError: fail })}
          onNewKey={isAdmin ? () => setCreating((open) => !open) : undefined}
        />
      </div>

      {creating && isAdmin && (
        <CreateKeyForm
          fleetId={fleetId}
          onCreated={(text) => {
            setCreating(false);
            setNotice({ tone: "success", text });
          }}
        />
      )}

      <ToggleKeyDialog
        fleetId={fleetId}
        keyRow={confirming}
        onClose={() => setConfirming(null)}
        onDone={(text) => {
          setConfirming(null);
          setNotice({ tone: "success", text });
        }}
      />

      <MoveKeyDialog
        fleetId={fleetId}
        keyRow={moving}
        targets={moveTargets}
        onClose={() => setMoving(null)}
        onDone={(text) => {
          setMoving(null);
          setNotice({ tone: "success", text });
        }}
      />

      <div className="rounded-lg border border-slate-200 dark:border-slate-800">
        <KeysTable
          rows={keys.data?.rows ?? []}
          columns={columns}
          total={keys.data?.total ?? 0}
          sorting={sorting}
          onSortingChange={onSortingChange}
          columnVisibility={columnVisibility}
          page={state.page}
          pageSize={state.pageSize}
          label={t("table.label")}
          busy={keys.isFetching}
        />
        {keys.isLoading && (
          <div className="p-4">
            <Spinner label={t("table.loading")} />
          </div>
        )}
        {keys.isError && <p className="p-4 text-sm text-red-700 dark:text-red-300">{keys.error.message}</p>}
        {keys.data && keys.data.total === 0 && (
          <p className="p-4 text-sm text-slate-600 dark:text-slate-400">{t("table.empty")}</p>
        )}
      </div>

      <KeyPager
        total={keys.data?.total}
        page={state.page}
        pageSize={state.pageSize}
        onPage={(page) => void setState({ page })}
      />
    </div>
  );
}
