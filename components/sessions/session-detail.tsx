"use client";
// One session in full: charger, energy, duration, price excl./incl. VAT, payment status and receipt.
// It reads the same cached session as the live card beside it, so both always show the same state.
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { useIsClient } from "@/components/ui/use-is-client";
import { PROVIDER_LABELS, providerOfSessionSource } from "@/lib/domain";
import type { SessionListRow } from "@/lib/sessions/list-sessions";
import { sessionStatusLabel, startFailure } from "@/lib/sessions/session-status";
import { dateText, durationText, energyText, moneyText, STATUS_TONES } from "./format";
import { useSession } from "./session-query";

const PAYMENT: Record<string, string> = {
  PROCESSING: "Payment processing",
  PAID: "Paid",
  DEBT: "Unpaid (debt)",
  REFUND: "Refunded",
};

export function SessionDetail({ fleetId, initial }: { fleetId: string; initial: SessionListRow }) {
  const session = useSession(fleetId, initial).data;
  const isClient = useIsClient();
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
    ["Started", isClient ? dateText(session.startTime) : ""],
    ["Ended", isClient ? dateText(session.endTime) : ""],
    ["Duration", durationText(session.durationSeconds)],
    ["Energy", energyText(session.energyWh)],
    ["Price excl. VAT", isClient ? moneyText(session.priceExclVatMinor, session.currency) : ""],
    [
      `VAT${session.vatRateBasisPoints !== null ? ` (${session.vatRateBasisPoints / 100} %)` : ""}`,
      isClient ? moneyText(vat, session.currency) : "",
    ],
    ["Price incl. VAT", isClient ? moneyText(session.priceInclVatMinor, session.currency) : ""],
    ["Payment", session.balanceStatus ? (PAYMENT[session.balanceStatus] ?? session.balanceStatus) : "Not settled yet"],
    [
      "Receipt",
      session.receiptAvailable && provider ? `Available from ${PROVIDER_LABELS[provider]}` : "Not available yet",
    ],
    ["Provider session id", session.providerSessionId],
  ];
  return (
    <Card aria-label="Session details" data-testid="session-detail">
      <Badge tone={STATUS_TONES[session.status] ?? (failure ? "danger" : "neutral")} data-testid="detail-status">
        {sessionStatusLabel(session.status)}
      </Badge>
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
