import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Webhooks } from "@/components/fleets/webhooks-client";
import { getFleetOverview } from "@/lib/fleets/fleet-overview";
import { requireAdminOfFleet } from "@/lib/fleets/page-access";
import { listDeliveries, listWebhooks } from "@/lib/webhooks/webhooks";

export async function generateMetadata() {
  const t = await getTranslations("fleets.webhooks");
  return { title: t("title") };
}

export default async function WebhooksPage({ params }: { params: Promise<{ fleetId: string }> }) {
  const { fleetId } = await params;
  await requireAdminOfFleet(fleetId);
  const [fleet, webhooks, deliveries] = await Promise.all([
    getFleetOverview(fleetId),
    listWebhooks(fleetId),
    listDeliveries(fleetId),
  ]);
  if (!fleet) notFound();
  const t = await getTranslations("fleets.webhooks");
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
      <Card>
        <Webhooks fleetId={fleetId} webhooks={webhooks} deliveries={deliveries} />
      </Card>
    </>
  );
}
