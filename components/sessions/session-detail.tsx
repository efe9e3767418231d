"use client";
// One session in full: charger, vehicle and its odometer, energy, duration, price excl./incl. VAT, payment status
// and receipt; admins and dispatchers enter the odometer reading here.
// It reads the same cached session as the live card beside it, so both always show the same state.
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/ui/format-provider";
import { PROVIDER_LABELS, providerOfSessionSource } from "@/lib/domain";
import type { SessionListRow } from "@/lib/sessions/list-sessions";
import { OdometerForm } from "./odometer-form-lazy";
import { useSession } from "./session-query";
import { SessionStatusBadge } from "./session-status-badge";
import { useStartFailure } from "./session-words";

export function SessionDetail({
  fleetId,
  initial,
  canEditOdometer = false,
}: {
  fleetId: string;
  initial: SessionListRow;
  /** Admins and dispatchers (the action `sessions.set-odometer` checks it again). */
  canEditOdometer?: boolean;
}) {
  const t = useTranslations("sessions.detail");
  const odometer = useTranslations("sessions.odometer");
  const session = useSession(fleetId, initial).data;
  const f = useFormat();
  const startFailure = useStartFailure();
  const provider = providerOfSessionSource(session.source);
  const failure = startFailure(session.status, provider ? PROVIDER_LABELS[provider] : undefined);
  const paymentText = (status: string | null) => {
    if (!status) return t("notSettled");
    return t.has(`paymentStatus.${status}`) ? t(`paymentStatus.${status}`) : t("paymentUnknown");
  };
  const vat =
    session.priceExclVatMinor !== null && session.priceInclVatMinor !== null
      ? session.priceInclVatMinor - session.priceExclVatMinor
      : null;
  const rows: Array<[string, string]> = [
    [t("charger"), session.chargerName ?? "—"],
    [t("evse"), session.evseId ?? "—"],
    [t("site"), session.site ?? "—"],
    [t("operator"), session.operatorName ?? "—"],
    [t("country"), session.country ?? "—"],
    [t("driver"), session.driverName ?? "—"],
    [t("key"), session.keyLabel ?? "—"],
    [t("vehicle"), session.vehicleLabel ?? "—"],
    [t("odometer"), session.odometerKm === null ? "—" : odometer("km", { km: session.odometerKm })],
    [t("started"), f.dateTime(session.startTime)],
    [t("ended"), f.dateTime(session.endTime)],
    [t("duration"), f.duration(session.durationSeconds)],
    [t("energy"), f.energy(session.energyWh)],
    [t("priceExclVat"), f.money(session.priceExclVatMinor, session.currency)],
    [
      session.vatRateBasisPoints !== null ? t("vatAt", { rate: f.vatRate(session.vatRateBasisPoints) }) : t("vat"),
      f.money(vat, session.currency),
    ],
    [t("priceInclVat"), f.money(session.priceInclVatMinor, session.currency)],
    [t("payment"), paymentText(session.balanceStatus)],
    [
      t("receipt"),
      session.receiptAvailable && provider
        ? t("receiptFrom", { provider: PROVIDER_LABELS[provider] })
        : t("receiptNotYet"),
    ],
    [t("providerSessionId"), session.providerSessionId],
  ];
  return (
    <Card aria-label={t("label")} data-testid="session-detail">
      <SessionStatusBadge status={session.status} data-testid="detail-status" />
      {failure && <p className="mt-2 text-sm text-red-700 dark:text-red-300">{failure.reason}</p>}
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd data-label={label}>{value}</dd>
          </div>
        ))}
      </dl>
      {canEditOdometer &&
        (session.vehicleId ? (
          <OdometerForm fleetId={fleetId} session={session} />
        ) : (
          <p className="mt-4 text-sm text-slate-500">{odometer("noVehicle")}</p>
        ))}
    </Card>
  );
}
