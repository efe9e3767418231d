import { Suspense } from "react";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { KeysPageClient } from "@/components/keys/keys-page-client";
import { listKeys } from "@/lib/keys/list-keys";
import { KEY_TABLE_PARAMS, keysQueryKey, listKeysInput, type KeyTableParams } from "@/lib/keys/schemas";
import { listFleetDrivers } from "@/lib/sessions/fleet-drivers";

export const metadata = { title: "Charging keys" };

export default async function KeysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { fleetId, role } = await requirePage("keys");
  const search = await searchParams;
  const params: KeyTableParams = Object.fromEntries(
    KEY_TABLE_PARAMS.flatMap((k) => (typeof search[k] === "string" ? [[k, search[k]]] : [])),
  );
  const drivers = (await listFleetDrivers(fleetId)).map((d) => ({ id: d.id, name: d.name }));
  // The first page arrives with the HTML; the client takes it over from the same query key.
  const queryClient = new QueryClient();
  const input = listKeysInput.safeParse({ fleetId, ...params });
  if (input.success)
    await queryClient.prefetchQuery({ queryKey: keysQueryKey(fleetId, params), queryFn: () => listKeys(input.data) });
  return (
    <>
      <PageHeader
        title="Charging keys"
        description="Every RFID card, tag and virtual key of the fleet: the fleet's own keys and each driver's keys at Plugsurfing."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense>
          <KeysPageClient fleetId={fleetId} role={role} drivers={drivers} />
        </Suspense>
      </HydrationBoundary>
    </>
  );
}
