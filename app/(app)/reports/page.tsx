import { Suspense } from "react";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ReportsPageClient } from "@/components/reports/reports-page-client";
import { defaultPeriod } from "@/lib/reports/period";

export const metadata = { title: "Reports" };

export default async function ReportsPage() {
  const { fleetId, user } = await requirePage("reports");
  const fleetName = user.memberships.find((m) => m.fleetId === fleetId)?.fleetName ?? "";
  return (
    <>
      <PageHeader
        title="Reports"
        description={`Charging costs of ${fleetName}: every provider, VAT shown apart, each currency on its own.`}
      />
      <Suspense>
        <ReportsPageClient fleetId={fleetId} defaults={defaultPeriod()} />
      </Suspense>
    </>
  );
}
