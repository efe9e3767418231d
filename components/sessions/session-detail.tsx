"use client";
// One session in full: charger, energy, duration, price excl./incl. VAT, payment status and receipt.
// It reads the same cached session as the live card beside it, so both always show the same state.
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/ui/format-provider";
import { PROVIDER_LABELS, providerOfSessionSource } from "@/lib/domain";
import type { SessionListRow } from "@/lib/sessions/list-sessions";
import { startFailure } from "@/lib/sessions/session-status";
import { useSession } from "./session-query";
import { SessionStatusBadge } from "./session-status-badge";

const PAYMENT: Record<string, string> = {
  PROCESSING: "Payment processing",
  PAID: "Paid",
  DEBT: "Unpaid (debt)",
  REFUND: "Refunded",
};

export function SessionDetail({ fleetId, initial }: { fleetId: string; initial: SessionListRow }) {
  const session = useSession(fleetId, initial).data;
  const f = useFormat();
  const provider = providerOfSessionSource(session.source);
  const failure = startFailure(session.status, provider ? PROVIDER_LABELS[provider] : "The provider");
  const vat =
    session.priceExclVatMinor !== null && session.priceInclVatMinor !== null
      ? session.priceInclVatMinor - session.priceExclVatMinor
      : null;
  const rows: Array<[string, string]> = [
    ["Charger", session.chargerName ?? "—"],
    ["EVSE", session.evseId ?? "—"],
    ["Site", session.site ?? "—"],
    ["Operator", session.operatorName ?? "—"],
    ["Country", session.country ?? "—"],
    ["Driver", session.driverName ?? "—"],
    ["Key", session.keyLabel ?? "—"],
    ["Started", f.dateTime(session.startTime)],
    ["Ended", f.dateTime(session.endTime)],
    ["Duration", f.duration(session.durationSeconds)],
    ["Energy", f.energy(session.energyWh)],
    ["Price excl. VAT", f.money(session.priceExclVatMinor, session.currency)],
    [
      `VAT${session.vatRateBasisPoints !== null ? ` (${f.vatRate(session.vatRateBasisPoints)})` : ""}`,
      f.money(vat, session.currency),
    ],
    ["Price incl. VAT", f.money(session.priceInclVatMinor, session.currency)],
    [
      "Payment",
      session.balanceStatus ? (PAYMENT[session.balanceStatus] ?? "Payment status unknown") : "Not settled yet",
    ],
    [
      "Receipt",
      session.receiptAvailable && provider ? `Available from ${PROVIDER_LABELS[provider]}` : "Not available yet",
    ],
    ["Provider session id", session.providerSessionId],
  ];
  return (
    <Card aria-label="Session details" data-testid="session-detail">
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
    </Card>
  );
}
