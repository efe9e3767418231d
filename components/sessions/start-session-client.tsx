"use client";
// Remote start: pick the driver whose provider user charges and the connector, then follow the start.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
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
  remoteStartCapable: boolean;
  status: string;
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
}: {
  fleetId: string;
  /** The provider that starts the session, and its display name. */
  provider: ProviderName;
  providerLabel: string;
  restartGuardSeconds: number;
  drivers: Array<{ id: string; name: string; hasProviderUser: boolean }>;
  connectors: StartConnectorOption[];
  preset: { driverId?: string; connectorId?: string; evseUid?: string };
  chargerName?: string;
}) {
  const router = useRouter();
  const [driverId, setDriverId] = useState(preset.driverId ?? (drivers.length === 1 ? drivers[0].id : ""));
  const [connectorId, setConnectorId] = useState(
    preset.connectorId ?? connectors.find((c) => c.remoteStartCapable)?.connectorId ?? "",
  );
  const chosen = connectors.find((c) => c.connectorId === connectorId);
  const start = useMutation({
    mutationFn: () =>
      startSessionAction({
        fleetId,
        provider,
        driverId,
        connectorId,
        evseUid: chosen?.evseId ?? preset.evseUid,
        chargerName,
      }),
    onSuccess: (result) => {
      if (result.ok && result.data.kind === "started") router.push(`/sessions/${result.data.sessionId}`);
    },
  });
  const result = start.data;

  return (
    <Card className="max-w-xl space-y-4">
      {chargerName && <p className="font-medium">{chargerName}</p>}
      <SelectField
        label="Driver"
        value={driverId}
        onChange={(e) => setDriverId(e.target.value)}
        error={result && !result.ok ? result.error.fieldErrors?.driverId : undefined}
        hint={`The session is started and billed through this driver's ${providerLabel} user.`}
      >
        <option value="">Choose a driver</option>
        {drivers.map((d) => (
          <option key={d.id} value={d.id} disabled={!d.hasProviderUser}>
            {d.name}
            {d.hasProviderUser ? "" : ` (no ${providerLabel} user)`}
          </option>
        ))}
      </SelectField>
      {connectors.length > 0 ? (
        <SelectField label="Connector" value={connectorId} onChange={(e) => setConnectorId(e.target.value)}>
          {connectors.map((c) => (
            <option key={c.connectorId} value={c.connectorId} disabled={!c.remoteStartCapable}>
              {c.label} — {c.status.toLowerCase()}
              {c.remoteStartCapable ? "" : " (no remote start)"}
            </option>
          ))}
        </SelectField>
      ) : (
        <InputField
          label="Connector id"
          value={connectorId}
          onChange={(e) => setConnectorId(e.target.value)}
          hint={`The ${providerLabel} connector id, as shown in the charger panel on the map.`}
        />
      )}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        After the start, the charger can take up to 2 minutes to begin charging. {providerLabel} refuses a second start
        on the same connector within {restartGuardSeconds} seconds.
      </p>
      <Button disabled={!driverId || !connectorId} loading={start.isPending} onClick={() => start.mutate()}>
        Start charging
      </Button>
      {result && !result.ok && (
        <p role="status" className="text-sm text-red-700 dark:text-red-300">
          {result.error.message}
        </p>
      )}
      {result?.ok && result.data.kind === "threeDS" && (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-200">
          The driver&apos;s payment card needs a 3-D Secure confirmation before {providerLabel} will charge it. The
          driver confirms it in their banking or {providerLabel} app; then start again. No session was started.
        </p>
      )}
    </Card>
  );
}
