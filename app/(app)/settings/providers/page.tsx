import Link from "next/link";
import { redirect } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { canViewProviderHealth, getProviderHealth } from "@/lib/providers/health-report";
import { PageHeader } from "@/components/ui/page-header";
import { ProviderHealthClient } from "@/components/settings/provider-health-client";
import { PROVIDER_HEALTH_QUERY_KEY } from "@/components/settings/provider-health-query";

export async function generateMetadata() {
  const t = await getTranslations("providers");
  return { title: t("title") };
}

export default async function ProviderHealthPage() {
  const { user } = await requirePage("settings");
  // Same rule as GET /api/health/providers, which this page refreshes from.
  if (!canViewProviderHealth(user)) redirect("/forbidden");
  const t = await getTranslations("providers");
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: PROVIDER_HEALTH_QUERY_KEY, queryFn: getProviderHealth });
  return (
    <>
      <nav aria-label={t("breadcrumb.label")} className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        <Link href="/settings" className="underline">
          {t("breadcrumb.settings")}
        </Link>{" "}
        <span aria-hidden>›</span> {t("breadcrumb.current")}
      </nav>
      <PageHeader title={t("title")} description={t("description")} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ProviderHealthClient />
      </HydrationBoundary>
    </>
  );
}
