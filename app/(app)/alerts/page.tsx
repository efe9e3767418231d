import { Suspense } from "react";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { createLoader } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { AlertsPageClient } from "@/components/alerts/alerts-page-client";
import { alertListParams, alertListQuery } from "@/lib/alerts/alert-params";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { listAlertsInput } from "@/lib/alerts/schemas";
import { api } from "@/lib/api/contract";
import { apiKey } from "@/lib/api/client";
import { currentReader } from "@/lib/i18n/reader";
import { readerWords } from "@/lib/notifications/notifications";

export async function generateMetadata() {
  const t = await getTranslations("alerts.page");
  return { title: t("title") };
}

const loadAlertListParams = createLoader(alertListParams);

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { fleetId, role } = await requirePage("alerts");
  const t = await getTranslations("alerts.page");
  // The first page arrives with the HTML; the browser takes it over by the same key and reads the next ones.
  const query = alertListQuery(fleetId, loadAlertListParams(await searchParams));
  const queryClient = new QueryClient();
  const words = readerWords(await currentReader());
  await queryClient.prefetchQuery({
    queryKey: apiKey(api.alerts.list, query),
    queryFn: () => listAlerts(listAlertsInput.parse(query), words),
  });
  return (
    <>
      <PageHeader title={t("title")} description={t("descriptionShort")} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense>
          <AlertsPageClient fleetId={fleetId} canAct={role === "ADMIN" || role === "DISPATCHER"} />
        </Suspense>
      </HydrationBoundary>
    </>
  );
}
