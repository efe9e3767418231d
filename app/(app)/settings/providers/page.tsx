import Link from "next/link";
import { redirect } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { requirePage } from "@/lib/auth/session";
import { canViewProviderHealth, getProviderHealth } from "@/lib/providers/health-report";
import { PageHeader } from "@/components/ui/page-header";
import { ProviderHealthClient } from "@/components/settings/provider-health-client";
import { PROVIDER_HEALTH_QUERY_KEY } from "@/components/settings/provider-health-query";

export const metadata = { title: "Provider health" };

export default async function ProviderHealthPage() {
  const { user } = await requirePage("settings");
  // Same rule as GET /api/health/providers, which this page refreshes from.
  if (!canViewProviderHealth(user)) redirect("/forbidden");
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: PROVIDER_HEALTH_QUERY_KEY, queryFn: getProviderHealth });
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        <Link href="/settings" className="underline">
          Settings
        </Link>{" "}
        <span aria-hidden>›</span> Providers
      </nav>
      <PageHeader
        title="Provider health"
        description="How each charging provider has been answering: failures, response times, rate limits and quota."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ProviderHealthClient />
      </HydrationBoundary>
    </>
  );
}
