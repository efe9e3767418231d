import { Suspense } from "react";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { createLoader } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { canOpenPage } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { KeysPageClient } from "@/components/keys/keys-page-client";
import { api } from "@/lib/api/contract";
import { apiKey } from "@/lib/api/client";
import { listKeys } from "@/lib/keys/list-keys";
import { keyListParams, keyTableParams, listKeysInput } from "@/lib/keys/schemas";
import { listFleetDrivers } from "@/lib/sessions/fleet-drivers";

export async function generateMetadata() {
  const t = await getTranslations("keys");
  return { title: t("title") };
}

const loadKeyTableParams = createLoader(keyTableParams);

export default async function KeysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, fleetId, role } = await requirePage("keys");
  const t = await getTranslations("keys");
  const state = loadKeyTableParams(await searchParams);
  const drivers = (await listFleetDrivers(fleetId)).map((d) => ({ id: d.id, name: d.name }));
  // A link about another of the reader's fleets (from a notification) offers to switch to it.
  const linked =
    state.fleet && state.fleet !== fleetId ? user.memberships.find((m) => m.fleetId === state.fleet) : null;
  const otherFleet = linked && canOpenPage(linked.role, "keys") ? { id: linked.fleetId, name: linked.fleetName } : null;
  // An admin may move a key to another fleet she administers (keys.move checks both again).
  const moveTargets =
    role === "ADMIN"
      ? user.memberships
          .filter((m) => m.role === "ADMIN" && m.fleetId !== fleetId)
          .map((m) => ({ id: m.fleetId, name: m.fleetName }))
      : [];
  // The first page arrives with the HTML; the client takes it over from the same query key.
  const queryClient = new QueryClient();
  const params = keyListParams(fleetId, state);
  const input = listKeysInput.safeParse(params);
  if (input.success) {
    await queryClient.prefetchQuery({ queryKey: apiKey(api.keys.list, params), queryFn: () => listKeys(input.data) });
  }
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense>
          <KeysPageClient
            fleetId={fleetId}
            role={role}
            drivers={drivers}
            otherFleet={otherFleet}
            moveTargets={moveTargets}
          />
        </Suspense>
      </HydrationBoundary>
    </>
  );
}
