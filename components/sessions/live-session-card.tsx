"use client";
// A running session, polled every few seconds: duration, energy and cost so far, with Stop; why a start failed.
import { useEffect, useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/ui/format-provider";
import { failureOf } from "@/components/ui/use-action";
import { PROVIDER_LABELS, providerOfSessionSource } from "@/lib/domain";
import type { SessionListRow } from "@/lib/sessions/list-sessions";
import { isRunningStatus } from "@/lib/sessions/session-status";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey } from "@/lib/api/client";
import { useSession, useStopSession } from "./session-query";
import { SessionStatusBadge } from "./session-status-badge";
import { useStartFailure } from "./session-words";

export function LiveSessionCard({ fleetId, initial }: { fleetId: string; initial: SessionListRow }) {
  const t = useTranslations("sessions.live");
  const f = useFormat();
  const startFailure = useStartFailure();
  const live = useSession(fleetId, initial);
  const session = live.data;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const stop = useStopSession(fleetId, session.id);

  const waitingSeconds = Math.max(0, Math.floor((now - new Date(session.startTime).getTime()) / 1000));
  const running = isRunningStatus(session.status);
  const provider = providerOfSessionSource(session.source);
  const failure = startFailure(session.status, provider ? PROVIDER_LABELS[provider] : undefined);
  return (
    <Card
      aria-label={t("cardLabel", { name: session.chargerName ?? session.providerSessionId })}
      data-testid="live-session"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-medium">{session.chargerName ?? session.evseId ?? t("charger")}</p>
          <p className="text-sm text-slate-600 dark:text-slate-400">{session.driverName ?? "—"}</p>
        </div>
        <SessionStatusBadge status={session.status} data-testid="live-status" />
      </div>
      {session.status === "WAITING_TO_START" && (
        <p className="mt-2 text-sm text-sky-800 dark:text-sky-200" role="status">
          {t("waiting", { waited: f.duration(waitingSeconds) })}
        </p>
      )}
      {session.status === "STOP_FAILED" && (
        <p className="mt-2 text-sm text-red-700 dark:text-red-300">{t("stopFailed")}</p>
      )}
      {failure && (
        <div className="mt-2 space-y-1 text-sm text-red-700 dark:text-red-300" role="alert" data-testid="start-failure">
          <p>{failure.reason}</p>
          <p>{failure.next}</p>
        </div>
      )}
      <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
        <div>
          <dt className="text-slate-500">{t("duration")}</dt>
          <dd data-testid="live-duration">{f.duration(session.durationSeconds)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("energy")}</dt>
          <dd data-testid="live-energy">{f.energy(session.energyWh)}</dd>
        </div>
        <div>
          <dt className="text-slate-500" data-testid="live-cost-label">
            {running ? t("costSoFar") : t("cost")}
          </dt>
          <dd data-testid="live-cost">{f.money(session.priceInclVatMinor, session.currency)}</dd>
        </div>
      </dl>
      <div className="mt-3 flex items-center gap-3">
        {running && (
          <Button
            variant="danger"
            size="sm"
            loading={stop.isPending}
            onClick={() => stop.mutate({ fleetId, sessionId: session.id })}
          >
            {t("stop")}
          </Button>
        )}
        <Link className="text-sm underline" href={`/sessions/${session.id}`}>
          {t("details")}
        </Link>
        {live.isError && <span className="text-sm text-red-700">{live.error.message}</span>}
        {stop.error && <span className="text-sm text-red-700">{failureOf(stop.error)?.message}</span>}
      </div>
    </Card>
  );
}

/** Every running session of the fleet (or the driver's own). */
export function RunningSessions({ fleetId }: { fleetId: string }) {
  const t = useTranslations("sessions.running");
  const running = useQuery({
    queryKey: apiKey(api.sessions.running, { fleetId }),
    queryFn: () => apiGet(api.sessions.running, { fleetId }),
    refetchInterval: 15_000,
  });
  if (!running.data?.length) return null;
  return (
    <section aria-label={t("label")} className="mb-6">
      <h2 className="mb-2 text-lg font-semibold">{t("title")}</h2>
      <div className="grid gap-3 md:grid-cols-2">
        {running.data.map((s) => (
          <LiveSessionCard key={s.id} fleetId={fleetId} initial={s} />
        ))}
      </div>
    </section>
  );
}
