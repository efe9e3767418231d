"use client";
// The alerts list: filter by open/closed and kind and page through it (all in the URL), and act on an alert —
// stop its session, book again nearby, message its driver, or dismiss it with a note. The list is read through
// the alerts endpoint and read again after each action.
import Link from "next/link";
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import {
  dismissAlertAction,
  messageAlertDriverAction,
  rebookAlertAction,
  stopAlertSessionAction,
} from "@/lib/actions/alerts";
import { ALERT_VIEWS, alertListParams, alertListQuery, type AlertListState } from "@/lib/alerts/alert-params";
import type { AlertAction, AlertRow } from "@/lib/alerts/list-alerts";
import { ALERT_KINDS } from "@/lib/alerts/kind-names";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey } from "@/lib/api/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useFormat } from "@/components/ui/format-provider";
import { Spinner } from "@/components/ui/spinner";
import { failureOf, useAction } from "@/components/ui/use-action";

interface Props {
  fleetId: string;
  canAct: boolean;
}

function filterHref(status: string, kind: string | null): string {
  const params = new URLSearchParams({ status });
  if (kind) params.set("kind", kind);
  return `/alerts?${params}`;
}

export function AlertsPageClient({ fleetId, canAct }: Props) {
  const t = useTranslations("alerts.page");
  const f = useFormat();
  const [state, setState] = useQueryStates(alertListParams, { history: "push", scroll: false });
  const [acting, setActing] = useState<{ alert: AlertRow; action: AlertAction } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const query = alertListQuery(fleetId, state);
  const list = useQuery({
    queryKey: apiKey(api.alerts.list, query),
    queryFn: ({ signal }) => apiGet(api.alerts.list, query, { signal }),
    placeholderData: keepPreviousData,
  });
  const change = (next: Partial<AlertListState>) => {
    setDone(null);
    void setState({ page: null, ...next });
  };
  const data = list.data;
  const rows = data?.rows ?? [];
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <div className="space-y-4">
      {data && (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="open-alerts">
          {t("openCount", { open: data.open })}
        </p>
      )}
      <nav aria-label={t("filters")} className="flex flex-wrap items-center gap-2 text-sm">
        {ALERT_VIEWS.map((view) => (
          <Link
            key={view}
            href={filterHref(view, state.kind)}
            onClick={(event) => {
              event.preventDefault();
              change({ status: view });
            }}
            aria-current={view === state.status ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${view === state.status ? "border-sky-600 bg-sky-50 font-medium dark:bg-sky-950" : "border-slate-300 dark:border-slate-700"}`}
          >
            {t(`views.${view}`)}
          </Link>
        ))}
        <label className="ml-2 flex items-center gap-2">
          {t("kind")}
          <select
            className="rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
            value={state.kind ?? ""}
            onChange={(event) => {
              const kind = ALERT_KINDS.find((k) => k === event.target.value) ?? null;
              change({ kind });
            }}
          >
            <option value="">{t("allKinds")}</option>
            {ALERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k.replace(".", "_")}`)}
              </option>
            ))}
          </select>
        </label>
        {list.isFetching && <Spinner label={t("loading")} />}
      </nav>
      {done && (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm dark:bg-emerald-950">
          {done}
        </p>
      )}
      {list.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {list.error.message}
        </p>
      )}
      {!data ? (
        list.isPending && <Spinner label={t("loading")} />
      ) : rows.length === 0 ? (
        <EmptyState title={t(state.status === "open" ? "emptyOpen" : "empty")}>{t("emptyHint")}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("title")} aria-busy={list.isFetching || undefined}>
          {rows.map((alert) => (
            <AlertItem
              key={alert.id}
              alert={alert}
              canAct={canAct}
              onAct={(action) => {
                setDone(null);
                setActing({ alert, action });
              }}
            />
          ))}
        </ul>
      )}
      {data && data.total > data.pageSize && (
        <nav aria-label={t("pager.label")} className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <span>{t("pager.count", { count: data.total })}</span>
          <div className="flex items-center gap-2">
            <Button
              size="sm"
              variant="secondary"
              disabled={data.page <= 1}
              onClick={() => void setState({ page: data.page - 1 > 1 ? data.page - 1 : null })}
            >
              {t("pager.newer")}
            </Button>
            <span>{t("pager.page", { page: f.number(data.page), pageCount: f.number(pageCount) })}</span>
            <Button
              size="sm"
              variant="secondary"
              disabled={data.page >= pageCount}
              onClick={() => void setState({ page: data.page + 1 })}
            >
              {t("pager.older")}
            </Button>
          </div>
        </nav>
      )}
      {acting && (
        <AlertActionDialog
          fleetId={fleetId}
          alert={acting.alert}
          action={acting.action}
          onClose={() => setActing(null)}
          onDone={(message) => {
            setActing(null);
            setDone(message);
          }}
        />
      )}
    </div>
  );
}

function AlertItem({ alert, canAct, onAct }: { alert: AlertRow; canAct: boolean; onAct(action: AlertAction): void }) {
  const t = useTranslations("alerts.page");
  const f = useFormat();
  const open = alert.status === "OPEN";
  return (
    <li
      className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      data-testid="alert"
      data-kind={alert.kind}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="font-medium">{alert.title}</h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{alert.body}</p>
          <p className="mt-1 text-xs text-slate-500">
            {t("raised", { at: f.dateTime(alert.raisedAt) })}
            {alert.driver && ` · ${t("driver", { driver: alert.driver })}`}
            {alert.sessionId && (
              <>
                {" · "}
                <Link className="underline" href={`/sessions/${alert.sessionId}`}>
                  {t("openSession")}
                </Link>
              </>
            )}
            {alert.bookingId && (
              <>
                {" · "}
                <Link className="underline" href={`/bookings/${alert.bookingId}`}>
                  {t("openBooking")}
                </Link>
              </>
            )}
          </p>
          {!open && (
            <p className="mt-1 text-xs text-slate-500">
              {t(`closed.${alert.resolution ?? "resolved"}`, {
                who: alert.closedBy ?? t("automatically"),
                at: f.dateTime(alert.closedAt),
              })}
              {alert.note && ` — ${alert.note}`}
            </p>
          )}
        </div>
        <Badge tone={open ? "warning" : "neutral"}>{t(open ? "statusOpen" : "statusClosed")}</Badge>
      </div>
      {canAct && alert.actions.length > 0 && (
        <div className="mt-3 flex flex-wrap gap-2">
          {alert.actions.map((action) => (
            <Button
              key={action}
              size="sm"
              variant={action === "dismiss" ? "secondary" : "primary"}
              onClick={() => onAct(action)}
            >
              {t(`actions.${action}`)}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}

function AlertActionDialog({
  fleetId,
  alert,
  action,
  onClose,
  onDone,
}: {
  fleetId: string;
  alert: AlertRow;
  action: AlertAction;
  onClose(): void;
  onDone(message: string): void;
}) {
  const t = useTranslations("alerts.page");
  const [text, setText] = useState("");
  // Each action changes the list: every alerts page is read again.
  const invalidates = [apiKey(api.alerts.list)];
  const dismiss = useAction(dismissAlertAction, { invalidates, onSuccess: () => onDone(t("done.dismiss")) });
  const message = useAction(messageAlertDriverAction, { invalidates, onSuccess: () => onDone(t("done.message")) });
  const stop = useAction(stopAlertSessionAction, { invalidates, onSuccess: () => onDone(t("done.stop")) });
  const rebook = useAction(rebookAlertAction, {
    invalidates,
    onSuccess: (result) => onDone(t("done.rebook", { charger: result.charger })),
  });
  const input = { fleetId, alertId: alert.id };

  if (action === "stop" || action === "rebook") {
    const mutation = action === "stop" ? stop : rebook;
    return (
      <ConfirmDialog
        open
        onOpenChange={(open) => !open && onClose()}
        title={t(`confirm.${action}.title`)}
        description={t(`confirm.${action}.body`)}
        confirmLabel={t(`actions.${action}`)}
        tone="primary"
        pending={mutation.isPending}
        error={failureOf(mutation.error)?.message}
        onConfirm={() => mutation.mutate(input)}
      />
    );
  }
  const mutation = action === "dismiss" ? dismiss : message;
  const failure = failureOf(mutation.error);
  const field = action === "dismiss" ? "note" : "message";
  const fieldError = failure?.fieldErrors?.[field]?.[0];
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t(`confirm.${action}.title`)}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (action === "dismiss") dismiss.mutate({ ...input, note: text });
          else message.mutate({ ...input, message: text });
        }}
        className="space-y-3"
      >
        <label className="block text-sm">
          {t(`confirm.${action}.field`)}
          <textarea
            className="mt-1 block w-full rounded border border-slate-300 bg-transparent p-2 dark:border-slate-700"
            rows={3}
            maxLength={500}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${field}-error` : undefined}
          />
        </label>
        {fieldError && (
          <p id={`${field}-error`} className="text-sm text-red-600 dark:text-red-400">
            {fieldError}
          </p>
        )}
        {failure && !fieldError && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {failure.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t(`actions.${action}`)}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
