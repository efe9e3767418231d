"use client";
// The session history with its filters in the URL (status, dates, driver, key, operator, country), paging,
// totals over every page, CSV export and Sync now.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/format-provider";
import { Spinner } from "@/components/ui/spinner";
import { failureOf, useAction } from "@/components/ui/use-action";
import { useIsClient } from "@/components/ui/use-is-client";
import { syncSessionsAction } from "@/lib/actions/sessions";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey, apiUrl } from "@/lib/api/client";
import { SessionFilterBar, type SessionFilterOptions } from "./session-filter-bar";
import { useSessionFilters } from "./session-filters";
import { SessionTotalsRow } from "./session-totals";

const PAGE_SIZE = 25;

// The rows arrive after the page does, and the table (TanStack Table) with them: not part of the first load.
const SessionTable = dynamic(() => import("./session-table").then((m) => m.SessionTable), { ssr: false });

export function SessionHistory({
  fleetId,
  isDriver,
  canSync,
  options,
}: {
  fleetId: string;
  isDriver: boolean;
  canSync: boolean;
  options: SessionFilterOptions;
}) {
  const t = useTranslations("sessions");
  const f = useFormat();
  const isClient = useIsClient();
  const { filters, page, setFilter, setPage } = useSessionFilters();
  // Days are the reader's own: "from 1 March" starts at midnight where the reader is.
  const timeZone = f.timeZone ?? "UTC";
  const params = { fleetId, ...filters, page, pageSize: PAGE_SIZE, timeZone };

  const sessions = useQuery({
    queryKey: apiKey(api.sessions.list, params),
    queryFn: () => apiGet(api.sessions.list, params),
    placeholderData: keepPreviousData,
    enabled: isClient,
  });
  const sync = useAction(syncSessionsAction, { invalidates: [["sessions"]] });

  const pageCount = Math.max(1, Math.ceil((sessions.data?.total ?? 0) / PAGE_SIZE));
  const exportHref = apiUrl(api.sessions.export, { fleetId, ...filters, timeZone });

  return (
    <section aria-label={t("history.label")} className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <SessionFilterBar options={options} isDriver={isDriver} filters={filters} onChange={setFilter} />
        <div className="ml-auto flex gap-2">
          <a
            className="inline-flex h-10 items-center rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700"
            href={exportHref}
            download
          >
            {t("history.exportCsv")}
          </a>
          {canSync && (
            <Button variant="secondary" loading={sync.isPending} onClick={() => sync.mutate({ fleetId })}>
              {t("history.syncNow")}
            </Button>
          )}
        </div>
      </div>
      {(sync.data || sync.error) && (
        <p role="status" className="text-sm">
          {sync.data
            ? t("history.synced", { drivers: sync.data.drivers, changed: sync.data.changed })
            : failureOf(sync.error)?.message}
        </p>
      )}
      <div className="rounded-lg border border-slate-200 dark:border-slate-800">
        <SessionTable rows={sessions.data?.rows ?? []} isDriver={isDriver} busy={sessions.isFetching} />
        {!sessions.data && !sessions.isError && (
          <div className="p-4">
            <Spinner label={t("history.loading")} />
          </div>
        )}
        {sessions.isError && <p className="p-4 text-sm text-red-700">{sessions.error.message}</p>}
        {sessions.data?.total === 0 && (
          <p className="p-4 text-sm text-slate-600 dark:text-slate-400">{t("history.empty")}</p>
        )}
        {sessions.data && sessions.data.total > 0 && <SessionTotalsRow totals={sessions.data.totals} />}
      </div>
      <div className="flex items-center justify-between text-sm">
        <span data-testid="session-total">
          {sessions.data ? t("history.total", { count: sessions.data.total }) : ""}
        </span>
        <div className="flex items-center gap-2">
          <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t("history.previous")}
          </Button>
          <span>{t("history.page", { page, pageCount })}</span>
          <Button size="sm" variant="secondary" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>
            {t("history.next")}
          </Button>
        </div>
      </div>
    </section>
  );
}
