import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { PageHeader } from "@/components/ui/page-header";
import { DepotChargersPageClient } from "@/components/fleets/depot-chargers-client";
import { listDepotChargers } from "@/lib/depot-chargers/depot-chargers";
import { providerChargerListAvailable } from "@/lib/depot-chargers/provider-list";
import { depotChargersQueryKey } from "@/lib/depot-chargers/query-key";
import { getFleetOverview } from "@/lib/fleets/fleet-overview";
import { requireAdminOfFleet } from "@/lib/fleets/page-access";

export async function generateMetadata() {
  const t = await getTranslations("fleets.depotPage");
  return { title: t("title") };
}

export default async function DepotChargersPage({ params }: { params: Promise<{ fleetId: string }> }) {
  const { fleetId } = await params;
  await requireAdminOfFleet(fleetId);
  const fleet = await getFleetOverview(fleetId);
  if (!fleet) notFound();
  const t = await getTranslations("fleets.depotPage");
  // The list arrives with the HTML; the client takes it over from the same query key.
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: depotChargersQueryKey(fleetId),
    queryFn: async () => ({
      chargers: await listDepotChargers(fleetId),
      importFromProvider: providerChargerListAvailable(),
    }),
  });
  return (
    <>
      <PageHeader
        title={t("heading", { fleet: fleet.name })}
        description={t("description")}
        actions={
          <Link href={`/fleets/${fleetId}`} className="text-sm underline">
            {t("back")}
          </Link>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense>
          <DepotChargersPageClient fleetId={fleetId} />
        </Suspense>
      </HydrationBoundary>
    </>
  );
}
