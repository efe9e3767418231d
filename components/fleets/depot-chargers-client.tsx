"use client";
// The fleet's depot chargers: the list, add, edit, delete with confirmation, and CSV import (also of the
// list DepotFinity offers, where it has one).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { useAction } from "@/components/ui/use-action";
import { chargerListFromProviderAction, listDepotChargersAction } from "@/lib/actions/depot-chargers";
import type { DepotChargerRow } from "@/lib/depot-chargers/depot-chargers";
import { depotChargersQueryKey } from "@/lib/depot-chargers/query-key";
import { DepotChargerActions } from "./depot-charger-actions-client";
import { DepotChargerForm, DepotChargerImport } from "./fleet-forms-lazy";
import { DepotChargerList } from "./depot-charger-list";

type Mode =
  { kind: "list" } | { kind: "add" } | { kind: "edit"; charger: DepotChargerRow } | { kind: "import"; csv?: string };

async function loadChargers(fleetId: string) {
  const result = await listDepotChargersAction({ fleetId });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

export function DepotChargersPageClient({ fleetId }: { fleetId: string }) {
  const t = useTranslations("fleets.depot");
  const { data } = useSuspenseQuery({ queryKey: depotChargersQueryKey(fleetId), queryFn: () => loadChargers(fleetId) });
  const [mode, setMode] = useState<Mode>({ kind: "list" });
  const [notice, setNotice] = useState("");
  const [providerListHidden, setProviderListHidden] = useState(false);
  const toList = () => setMode({ kind: "list" });
  const done = (message: string) => {
    toList();
    setNotice(message);
  };

  const fromProvider = useAction(chargerListFromProviderAction, {
    onSuccess: ({ csv }) => {
      // No list at DepotFinity: the button just goes away; configuring here is the normal way anyway.
      if (csv === null) return setProviderListHidden(true);
      setNotice("");
      setMode({ kind: "import", csv });
    },
  });

  if (mode.kind === "add" || mode.kind === "edit") {
    return (
      <Card>
        <h2 className="mb-3 text-lg font-semibold">
          {mode.kind === "add" ? t("addHeading") : t("editHeading", { name: mode.charger.name })}
        </h2>
        <DepotChargerForm
          fleetId={fleetId}
          charger={mode.kind === "edit" ? mode.charger : undefined}
          onDone={done}
          onCancel={toList}
        />
      </Card>
    );
  }
  if (mode.kind === "import") {
    return (
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("importHeading")}</h2>
        <DepotChargerImport fleetId={fleetId} initialCsv={mode.csv} onDone={done} onCancel={toList} />
      </Card>
    );
  }

  const actions = (
    <div className="flex flex-wrap gap-2">
      <Button type="button" onClick={() => setMode({ kind: "add" })}>
        {t("add")}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setMode({ kind: "import" })}>
        {t("importCsv")}
      </Button>
      {data.importFromProvider && !providerListHidden && (
        <Button
          type="button"
          variant="secondary"
          loading={fromProvider.isPending}
          onClick={() => fromProvider.mutate({ fleetId }, { onError: () => setProviderListHidden(true) })}
        >
          {t("importFromProvider")}
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
      {data.chargers.length === 0 ? (
        <EmptyState title={t("emptyTitle")} action={actions}>
          <p>{t("emptyText")}</p>
        </EmptyState>
      ) : (
        <>
          {actions}
          <DepotChargerList
            chargers={data.chargers}
            actions={(c) => (
              <DepotChargerActions
                fleetId={fleetId}
                charger={c}
                onEdit={() => setMode({ kind: "edit", charger: c })}
                onDeleted={setNotice}
              />
            )}
          />
        </>
      )}
    </div>
  );
}
