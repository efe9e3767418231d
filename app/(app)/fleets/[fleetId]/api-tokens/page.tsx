import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ApiTokens } from "@/components/fleets/api-tokens-client";
import { listApiTokens } from "@/lib/api-tokens/api-tokens";
import { getFleetOverview } from "@/lib/fleets/fleet-overview";
import { requireAdminOfFleet } from "@/lib/fleets/page-access";

export async function generateMetadata() {
  const t = await getTranslations("fleets.apiTokens");
  return { title: t("title") };
}

export default async function ApiTokensPage({ params }: { params: Promise<{ fleetId: string }> }) {
  const { fleetId } = await params;
  await requireAdminOfFleet(fleetId);
  const [fleet, tokens] = await Promise.all([getFleetOverview(fleetId), listApiTokens(fleetId)]);
  if (!fleet) notFound();
  const t = await getTranslations("fleets.apiTokens");
  return (
    <>
      <PageHeader
        title={t("heading", { fleet: fleet.name })}
        description={t("description")}
        actions={
          <span className="flex flex-wrap gap-4 text-sm">
            <Link href={`/fleets/${fleetId}/api-tokens/docs`} className="underline">
              {t("docsLink")}
            </Link>
            <Link href={`/fleets/${fleetId}`} className="underline">
              {t("back")}
            </Link>
          </span>
        }
      />
      <Card>
        <ApiTokens fleetId={fleetId} tokens={tokens} />
      </Card>
    </>
  );
}
