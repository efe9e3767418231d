"use client";
// The fleet's depot chargers: table (cards on a phone), add, edit, delete with confirmation, CSV import.
import { useState } from "react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DepotChargerForm, STANDARD_LABELS } from "@/components/fleets/depot-charger-form-client";
import { DepotChargerImport } from "@/components/fleets/depot-charger-import-client";
import {
  chargerListFromProviderAction,
  deleteDepotChargerAction,
  listDepotChargersAction,
} from "@/lib/actions/depot-chargers";
import type { DepotChargerRow } from "@/lib/depot-chargers/depot-chargers";
import { depotChargersQueryKey } from "@/lib/depot-chargers/schemas";

type Mode =
  { kind: "list" } | { kind: "add" } | { kind: "edit"; charger: DepotChargerRow } | { kind: "import"; csv?: string };

async function loadChargers(fleetId: string) {
  const result = await listDepotChargersAction({ fleetId });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

function connectorText(c: DepotChargerRow["connectors"][number]): string {
  return `${c.connectorId} · ${STANDARD_LABELS[c.standard] ?? c.standard} · ${c.powerKw} kW`;
}

function position(c: DepotChargerRow): string {
  return `${c.latitude.toFixed(5)}, ${c.longitude.toFixed(5)}`;
}

function RowActions({
  fleetId,
  charger,
  onEdit,
  onDeleted,
}: {
  fleetId: string;
  charger: DepotChargerRow;
  onEdit(): void;
  onDeleted(message: string): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState("");
  const remove = useMutation({
    mutationFn: () => deleteDepotChargerAction({ fleetId, id: charger.id }),
    onSuccess: (result) => (result.ok ? onDeleted(`Deleted “${charger.name}”.`) : setError(result.error.message)),
    onError: () => setError("The charger could not be deleted. Try again."),
  });
  if (!confirming) {
    return (
      <div className="flex gap-1">
        <Button type="button" variant="ghost" size="sm" onClick={onEdit} aria-label={`Edit ${charger.chargerId}`}>
          Edit
        </Button>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={() => setConfirming(true)}
          aria-label={`Delete ${charger.chargerId}`}
        >
          Delete
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-2 text-sm" role="group" aria-label={`Confirm deleting ${charger.chargerId}`}>
      <p>Delete {charger.name}? Drivers can no longer find or book it here; bookings already made stay.</p>
      <div className="flex gap-2">
        <Button type="button" variant="danger" size="sm" loading={remove.isPending} onClick={() => remove.mutate()}>
          Delete
        </Button>
        <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
      {error && <p className="text-red-600 dark:text-red-400">{error}</p>}
    </div>
  );
}

export function DepotChargersPageClient({ fleetId }: { fleetId: string }) {
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery({ queryKey: depotChargersQueryKey(fleetId), queryFn: () => loadChargers(fleetId) });
  const [mode, setMode] = useState<Mode>({ kind: "list" });
  const [notice, setNotice] = useState("");
  const [providerListHidden, setProviderListHidden] = useState(false);

  const done = async (message: string) => {
    setMode({ kind: "list" });
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: depotChargersQueryKey(fleetId) });
  };

  const fromProvider = useMutation({
    mutationFn: () => chargerListFromProviderAction({ fleetId }),
    onSuccess: (result) => {
      // No list at DepotFinity: the button just goes away; configuring here is the normal way anyway.
      if (!result.ok || result.data.csv === null) return setProviderListHidden(true);
      setNotice("");
      setMode({ kind: "import", csv: result.data.csv });
    },
    onError: () => setProviderListHidden(true),
  });

  const { chargers } = data;
  const showProviderImport = data.importFromProvider && !providerListHidden;

  if (mode.kind === "add" || mode.kind === "edit") {
    return (
      <Card>
        <h2 className="mb-3 text-lg font-semibold">
          {mode.kind === "add" ? "Add a depot charger" : `Edit ${mode.charger.name}`}
        </h2>
        <DepotChargerForm
          fleetId={fleetId}
          charger={mode.kind === "edit" ? mode.charger : undefined}
          onDone={done}
          onCancel={() => setMode({ kind: "list" })}
        />
      </Card>
    );
  }
  if (mode.kind === "import") {
    return (
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Import depot chargers</h2>
        <DepotChargerImport
          fleetId={fleetId}
          initialCsv={mode.csv}
          onDone={done}
          onCancel={() => setMode({ kind: "list" })}
        />
      </Card>
    );
  }

  const actions = (
    <div className="flex flex-wrap gap-2">
      <Button type="button" onClick={() => setMode({ kind: "add" })}>
        Add charger
      </Button>
      <Button type="button" variant="secondary" onClick={() => setMode({ kind: "import" })}>
        Import CSV
      </Button>
      {showProviderImport && (
        <Button
          type="button"
          variant="secondary"
          loading={fromProvider.isPending}
          onClick={() => fromProvider.mutate()}
        >
          Import from DepotFinity
        </Button>
      )}
    </div>
  );

  return (
    <div className="space-y-4">
      {notice && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          {notice}
        </p>
      )}
      {chargers.length === 0 ? (
        <EmptyState title="No depot chargers yet" action={actions}>
          <p>
            These are the chargers at your own depots that DepotFinity runs. DepotFinity does not publish a list of
            them, so the map and the booking wizard only show the depot chargers you add here: each with its charger id
            and connector ids exactly as DepotFinity knows them, and its position.
          </p>
        </EmptyState>
      ) : (
        <>
          {actions}
          <table className="hidden w-full text-left text-sm md:table" aria-label="Depot chargers">
            <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                <th className="px-3 py-2">Name</th>
                <th className="px-3 py-2">Charger id</th>
                <th className="px-3 py-2">Connectors</th>
                <th className="px-3 py-2">Position</th>
                <th className="px-3 py-2">Address</th>
                <th className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {chargers.map((c) => (
                <tr
                  key={c.id}
                  className="border-t border-slate-200 align-top dark:border-slate-800"
                  data-testid={`depot-charger-${c.chargerId}`}
                >
                  <td className="px-3 py-2 font-medium">{c.name}</td>
                  <td className="px-3 py-2 font-mono text-xs">{c.chargerId}</td>
                  <td className="px-3 py-2">
                    <ul>
                      {c.connectors.map((k) => (
                        <li key={k.connectorId}>{connectorText(k)}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{position(c)}</td>
                  <td className="px-3 py-2">{c.address ?? "—"}</td>
                  <td className="px-3 py-2">
                    <RowActions
                      fleetId={fleetId}
                      charger={c}
                      onEdit={() => setMode({ kind: "edit", charger: c })}
                      onDeleted={done}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="space-y-3 md:hidden" aria-label="Depot chargers">
            {chargers.map((c) => (
              <li key={c.id} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
                <p className="font-medium">{c.name}</p>
                <p className="font-mono text-xs text-slate-600 dark:text-slate-400">{c.chargerId}</p>
                <ul className="mt-1">
                  {c.connectors.map((k) => (
                    <li key={k.connectorId}>{connectorText(k)}</li>
                  ))}
                </ul>
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                  {c.address ? `${c.address} · ` : ""}
                  {position(c)}
                </p>
                <div className="mt-2">
                  <RowActions
                    fleetId={fleetId}
                    charger={c}
                    onEdit={() => setMode({ kind: "edit", charger: c })}
                    onDeleted={done}
                  />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
