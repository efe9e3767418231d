import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { AlertsPageClient } from "@/components/alerts/alerts-page-client";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { alertListParams } from "@/lib/alerts/schemas";
import { currentReader } from "@/lib/i18n/reader";
import { readerWords } from "@/lib/notifications/notifications";

export async function generateMetadata() {
  const t = await getTranslations("alerts.page");
  return { title: t("title") };
}

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { fleetId, role } = await requirePage("alerts");
  const t = await getTranslations("alerts.page");
  const params = alertListParams.parse(await searchParams);
  const list = await listAlerts(fleetId, params, readerWords(await currentReader()));
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { open: list.open })} />
      <AlertsPageClient
        fleetId={fleetId}
        rows={list.rows}
        status={params.status}
        kind={params.kind ?? null}
        canAct={role === "ADMIN" || role === "DISPATCHER"}
      />
    </>
  );
}
