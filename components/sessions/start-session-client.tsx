"use client";
// Remote start: pick the driver whose provider user charges and the connector, then follow the start.
// Only a connector where a start can work is offered; the others say why not.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import { startSessionAction } from "@/lib/actions/sessions";
import type { ProviderName } from "@/lib/domain";

export interface StartConnectorOption {
  connectorId: string;
  evseUid: string;
  evseId: string;
  label: string;
  /** Why a start cannot work here now (in use, out of order, no remote start); absent when it can. */
  unavailableReason?: string;
}

export function StartSessionForm({
  fleetId,
  provider,
  providerLabel,
  restartGuardSeconds,
  drivers,
  connectors,
  preset,
  chargerName,
  otherConnectorsHref,
}: {
  fleetId: string;
  /** The provider that starts the session, and its display name. */
  provider: ProviderName;
  providerLabel: string;
  restartGuardSeconds: number;
  drivers: Array<{ id: string; name: string; hasProviderUser: boolean }>;
  connectors: StartConnectorOption[];
  /** `bookingId`: the booking the session is started for, kept with it beside the booking's estimate. */
  preset: { driverId?: string; connectorId?: string; evseUid?: string; locationId?: string; bookingId?: string };
  chargerName?: string;
  /** The whole charger, when the page was opened for one of its EVSEs. */
  otherConnectorsHref?: string;
}) {
  const t = useTranslations("sessions.start.form");
  const router = useRouter();
  const [driverId, setDriverId] = useState(preset.driverId ?? (drivers.length === 1 ? drivers[0].id : ""));
  const startable = connectors.filter((c) => !c.unavailableReason);
  const presetConnector = connectors.find((c) => c.connectorId === preset.connectorId);
  const [connectorId, setConnectorId] = useState(
    connectors.length === 0
      ? (preset.connectorId ?? "")
      : ((presetConnector && !presetConnector.unavailableReason ? presetConnector : startable[0])?.connectorId ?? ""),
  );
  const chosen = connectors.find((c) => c.connectorId === connectorId);
  // The connector picked on the map, when a start cannot work there: say so instead of silently choosing another.
  const presetBlocked = presetConnector?.unavailableReason;
  const start = useMutation({
    mutationFn: () =>
      startSessionAction({
        fleetId,
        provider,
        driverId,
        connectorId,
        // Lets the server check the charger is still free: the page may have been open a while.
        locationId: chosen ? preset.locationId : undefined,
        evseUid: chosen?.evseId ?? preset.evseUid,
        chargerName,
        bookingId: preset.bookingId,
      }),
    onSuccess: (result) => {
      if (result.ok && result.data.kind === "started") router.push(`/sessions/${result.data.sessionId}`);
      // The charger is no longer free: reload its connectors so the list shows which ones still are.
      else if (!result.ok && result.error.fieldErrors?.connectorId) router.refresh();
    },
  });
  const result = start.data;

  return (
    <Card className="max-w-xl space-y-4">
      {chargerName && <p className="font-medium">{chargerName}</p>}
      <SelectField
        label={t("driver")}
        value={driverId}
        onChange={(e) => setDriverId(e.target.value)}
        error={result && !result.ok ? result.error.fieldErrors?.driverId : undefined}
        hint={t("driverHint", { provider: providerLabel })}
      >
        <option value="">{t("chooseDriver")}</option>
        {drivers.map((d) => (
          <option key={d.id} value={d.id} disabled={!d.hasProviderUser}>
            {d.hasProviderUser ? d.name : t("driverWithoutUser", { name: d.name, provider: providerLabel })}
          </option>
        ))}
      </SelectField>
      {connectors.length > 0 ? (
        <SelectField label={t("connector")} value={connectorId} onChange={(e) => setConnectorId(e.target.value)}>
          {connectors.map((c) => (
            <option key={c.connectorId} value={c.connectorId} disabled={Boolean(c.unavailableReason)}>
              {c.unavailableReason
                ? t("connectorUnavailable", { connector: c.label, reason: c.unavailableReason })
                : t("connectorFree", { connector: c.label })}
            </option>
          ))}
          {startable.length === 0 && <option value="">{t("noConnector")}</option>}
        </SelectField>
      ) : (
        <InputField
          label={t("connectorId")}
          value={connectorId}
          onChange={(e) => setConnectorId(e.target.value)}
          hint={t("connectorIdHint", { provider: providerLabel })}
        />
      )}
      {connectors.length > 0 && (presetBlocked || startable.length === 0) && (
        <div className="text-sm text-amber-800 dark:text-amber-200" role="status" data-testid="start-not-offered">
          <p>
            {startable.length === 0
              ? t("notOffered", { reason: presetBlocked ?? connectors[0].unavailableReason ?? "" })
              : t("pickedCannotStart", { reason: presetBlocked ?? "" })}
          </p>
          {startable.length === 0 && otherConnectorsHref && (
            <Link className="underline" href={otherConnectorsHref}>
              {t("otherChargePoints")}
            </Link>
          )}
        </div>
      )}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("afterStart", { provider: providerLabel, seconds: restartGuardSeconds })}
      </p>
      <Button
        disabled={!driverId || !connectorId || Boolean(chosen?.unavailableReason)}
        loading={start.isPending}
        onClick={() => start.mutate()}
      >
        {t("submit")}
      </Button>
      {result && !result.ok && (
        <p role="status" className="text-sm text-red-700 dark:text-red-300">
          {result.error.message}
        </p>
      )}
      {result?.ok && result.data.kind === "threeDS" && (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-200">
          {t("threeDS", { provider: providerLabel })}
        </p>
      )}
    </Card>
  );
}
