import { Suspense } from "react";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { createLoader } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { VehiclesPageClient } from "@/components/vehicles/vehicles-page-client";
import { api } from "@/lib/api/contract";
import { apiKey } from "@/lib/api/client";
import { listVehiclesInput } from "@/lib/vehicles/schemas";
import { vehicleListParams, vehicleOptionsQueryKey, vehicleTableParams } from "@/lib/vehicles/table-params";
import { listVehicles, vehicleOptions } from "@/lib/vehicles/vehicles";

export async function generateMetadata() {
  const t = await getTranslations("vehicles");
  return { title: t("title") };
}

const loadVehicleTableParams = createLoader(vehicleTableParams);

export default async function VehiclesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { fleetId, role } = await requirePage("vehicles");
  const t = await getTranslations("vehicles");
  const state = loadVehicleTableParams(await searchParams);
  // The first page and the form's choices arrive with the HTML; the client takes them over by the same keys.
  const queryClient = new QueryClient();
  const params = vehicleListParams(fleetId, state);
  const input = listVehiclesInput.safeParse(params);
  await Promise.all([
    input.success
      ? queryClient.prefetchQuery({
          queryKey: apiKey(api.vehicles.list, params),
          queryFn: () => listVehicles(input.data),
        })
      : null,
    queryClient.prefetchQuery({ queryKey: vehicleOptionsQueryKey(fleetId), queryFn: () => vehicleOptions(fleetId) }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense>
          <VehiclesPageClient fleetId={fleetId} canManage={role === "ADMIN"} />
        </Suspense>
      </HydrationBoundary>
    </>
  );
}
