"use client";
// A fleet's webhooks: registering one (its secret shown once), the list with pause/resume, a test event and delete
// with a confirmation, and the delivery log with each delivery's state, its last answer in words and a replay.
// While a delivery is on its way the page refreshes itself every few seconds.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { useAction, failureOf } from "@/components/ui/use-action";
import {
  deleteWebhookAction,
  pauseWebhookAction,
  replayDeliveryAction,
  testWebhookAction,
} from "@/lib/actions/webhooks";
import { eventMessageKey } from "@/lib/webhooks/events";
import type { DeliveryState, DeliverySummary, WebhookSummary } from "@/lib/webhooks/webhooks";
import { CreateWebhookForm } from "./fleet-forms-lazy";

const STATE_TONES: Record<DeliveryState, BadgeTone> = {
  pending: "info",
  retrying: "warning",
  delivered: "success",
  failed: "danger",
};
const REFRESH_MS = 3_000;

interface Props {
  fleetId: string;
  webhooks: WebhookSummary[];
  deliveries: DeliverySummary[];
}

export function Webhooks({ fleetId, webhooks, deliveries }: Props) {
  const t = useTranslations("fleets.webhooks");
  const router = useRouter();
  const [deleting, setDeleting] = useState<WebhookSummary | null>(null);
  const [notice, setNotice] = useState("");
  const refresh = () => router.refresh();
  const pause = useAction(pauseWebhookAction, { onSuccess: refresh });
  const test = useAction(testWebhookAction, { onSuccess: refresh });
  /** The webhook whose button was pressed last: its button shows the spinner. */
  const [busyId, setBusyId] = useState<string | null>(null);
  const remove = useAction(deleteWebhookAction, {
    onSuccess: () => {
      setDeleting(null);
      refresh();
    },
  });
  const failure = failureOf(pause.error ?? test.error)?.message;

  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("createHeading")}</h2>
        <CreateWebhookForm fleetId={fleetId} />
      </section>
      {notice && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {notice}
        </p>
      )}
      {failure && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {failure}
        </p>
      )}
      {webhooks.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyText")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table className="w-full text-left text-sm" aria-label={t("tableLabel")}>
            <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                <th className="px-3 py-2">{t("endpointHeader")}</th>
                <th className="px-3 py-2">{t("eventsHeader")}</th>
                <th className="px-3 py-2">{t("statusHeader")}</th>
                <th className="px-3 py-2">{t("createdBy")}</th>
                <th className="px-3 py-2">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {webhooks.map((hook) => (
                <tr key={hook.id} className="border-t border-slate-200 align-top dark:border-slate-800">
                  <td className="px-3 py-2">
                    <span className="break-all font-mono">{hook.url}</span>
                    {hook.description && (
                      <span className="block text-slate-600 dark:text-slate-400">{hook.description}</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <ul>
                      {hook.events.map((event) => (
                        <li key={event}>{t(`events.${eventMessageKey(event)}`)}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={hook.paused ? "neutral" : "success"}>{hook.paused ? t("paused") : t("active")}</Badge>
                  </td>
                  <td className="px-3 py-2">
                    {hook.createdByName ?? "—"}
                    <span className="block text-slate-600 dark:text-slate-400">
                      <LocalTime iso={hook.createdAt} />
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    <span className="flex flex-wrap gap-1">
                      <Button
                        type="button"
                        variant="secondary"
                        size="sm"
                        loading={test.isPending && busyId === hook.id}
                        onClick={() => {
                          setBusyId(hook.id);
                          test.mutate(
                            { fleetId, webhookId: hook.id },
                            { onSuccess: () => setNotice(t("testSent", { url: hook.url })) },
                          );
                        }}
                        aria-label={t("sendTestLabel", { url: hook.url })}
                      >
                        {t("sendTest")}
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        loading={pause.isPending && busyId === hook.id}
                        onClick={() => {
                          setBusyId(hook.id);
                          pause.mutate({ fleetId, webhookId: hook.id, paused: !hook.paused });
                        }}
                        aria-label={t(hook.paused ? "resumeLabel" : "pauseLabel", { url: hook.url })}
                      >
                        {hook.paused ? t("resume") : t("pause")}
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        onClick={() => setDeleting(hook)}
                        aria-label={t("deleteLabel", { url: hook.url })}
                      >
                        {t("delete")}
                      </Button>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DeliveryLog fleetId={fleetId} deliveries={deliveries} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (!open) {
            remove.reset();
            setDeleting(null);
          }
        }}
        title={deleting ? t("confirmTitle", { url: deleting.url }) : ""}
        description={t("confirmBody")}
        confirmLabel={t("delete")}
        cancelLabel={t("keep")}
        pending={remove.isPending}
        error={failureOf(remove.error)?.message}
        onConfirm={() => deleting && remove.mutate({ fleetId, webhookId: deleting.id })}
      />
    </div>
  );
}

function DeliveryLog({ fleetId, deliveries }: { fleetId: string; deliveries: DeliverySummary[] }) {
  const t = useTranslations("fleets.webhooks.log");
  const events = useTranslations("fleets.webhooks.events");
  const router = useRouter();
  const [notice, setNotice] = useState("");
  const [busyId, setBusyId] = useState<string | null>(null);
  const replay = useAction(replayDeliveryAction, {
    onSuccess: () => {
      setNotice(t("replayed"));
      router.refresh();
    },
  });
  const onTheirWay = deliveries.some((d) => d.state === "pending" || d.state === "retrying");
  useEffect(() => {
    if (!onTheirWay) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [onTheirWay, router]);

  const lastAnswer = (d: DeliverySummary) => {
    if (d.lastError) return t(`errors.${d.lastError}`, { status: d.lastStatusCode ?? "" });
    if (d.lastStatusCode !== null) return t("httpStatus", { status: d.lastStatusCode });
    return "—";
  };

  return (
    <section className="space-y-3" aria-labelledby="delivery-log-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="delivery-log-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <Button type="button" variant="ghost" size="sm" onClick={() => router.refresh()}>
          {t("refresh")}
        </Button>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("description")}</p>
      {notice && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {notice}
        </p>
      )}
      {replay.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {failureOf(replay.error)?.message}
        </p>
      )}
      {deliveries.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyText")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table className="w-full text-left text-sm" aria-label={t("tableLabel")}>
            <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                <th className="px-3 py-2">{t("when")}</th>
                <th className="px-3 py-2">{t("event")}</th>
                <th className="px-3 py-2">{t("endpoint")}</th>
                <th className="px-3 py-2">{t("state")}</th>
                <th className="px-3 py-2 text-right">{t("attempts")}</th>
                <th className="px-3 py-2">{t("lastAnswer")}</th>
                <th className="px-3 py-2">
                  <span className="sr-only">{t("replay")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr
                  key={d.id}
                  className="border-t border-slate-200 align-top dark:border-slate-800"
                  data-testid={`delivery-${d.id}`}
                >
                  <td className="whitespace-nowrap px-3 py-2">
                    <LocalTime iso={d.createdAt} />
                  </td>
                  <td className="px-3 py-2">
                    {events(eventMessageKey(d.event))}
                    {d.replay && <span className="ml-1 text-xs text-slate-500">({t("replayOf")})</span>}
                  </td>
                  <td className="break-all px-3 py-2 font-mono">{d.endpointUrl}</td>
                  <td className="px-3 py-2">
                    <Badge tone={STATE_TONES[d.state]}>{t(`states.${d.state}`)}</Badge>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{d.attempts}</td>
                  <td className="px-3 py-2">{lastAnswer(d)}</td>
                  <td className="px-3 py-2">
                    {(d.state === "failed" || d.state === "delivered") && (
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        loading={replay.isPending && busyId === d.id}
                        onClick={() => {
                          setBusyId(d.id);
                          replay.mutate({ fleetId, deliveryId: d.id });
                        }}
                        aria-label={t("replayLabel", { event: events(eventMessageKey(d.event)), url: d.endpointUrl })}
                      >
                        {t("replay")}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
