import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ReportsPageClient } from "@/components/reports/reports-page-client";
import { defaultPeriod } from "@/lib/reports/period";

export async function generateMetadata() {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

export default async function ReportsPage() {
  const { fleetId, user } = await requirePage("reports");
  const t = await getTranslations("reports");
  const fleetName = user.memberships.find((m) => m.fleetId === fleetId)?.fleetName ?? "";
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { fleet: fleetName })} />
      <Suspense>
        <ReportsPageClient fleetId={fleetId} defaults={defaultPeriod()} />
      </Suspense>
    </>
  );
}
