"use client";
// The provider health page's live part: the snapshot from the TanStack Query cache, refreshed while open.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { Spinner } from "@/components/ui/spinner";
import { api } from "@/lib/api/endpoints";
import { apiGet } from "@/lib/api/client";
import { ProviderHealthCard } from "./provider-health-card";
import { PROVIDER_HEALTH_QUERY_KEY, PROVIDER_HEALTH_REFRESH_MS } from "./provider-health-query";

export function ProviderHealthClient() {
  const t = useTranslations("providers.page");
  const common = useTranslations("common");
  const health = useQuery({
    queryKey: PROVIDER_HEALTH_QUERY_KEY,
    queryFn: () => apiGet(api.health.providers, {}),
    refetchInterval: PROVIDER_HEALTH_REFRESH_MS,
  });

  if (health.isPending) return <Spinner label={t("loading")} />;
  if (health.isError && !health.data) {
    return (
      <EmptyState
        title={t("loadFailed")}
        action={
          <Button variant="secondary" onClick={() => void health.refetch()} loading={health.isFetching}>
            {common("actions.retry")}
          </Button>
        }
      >
        {health.error.message}
      </EmptyState>
    );
  }
  const snapshot = health.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-400">
        <p>{t.rich("scope", { time: () => <LocalTime iso={snapshot.generatedAt} /> })}</p>
        <Button variant="secondary" size="sm" onClick={() => void health.refetch()} loading={health.isFetching}>
          {common("actions.refresh")}
        </Button>
      </div>
      {health.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t("refreshFailed", { message: health.error.message })}
        </p>
      )}
      {snapshot.providers.length === 0 ? (
        <EmptyState title={t("noProviders")} />
      ) : (
        snapshot.providers.map((provider) => <ProviderHealthCard key={provider.provider} health={provider} />)
      )}
    </div>
  );
}
