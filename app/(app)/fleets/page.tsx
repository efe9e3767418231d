import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { FleetList } from "@/components/fleets/fleet-list";
import { requireFleetsAdmin } from "@/lib/fleets/page-access";
import { listAdminFleets } from "@/lib/fleets/fleet-overview";

export async function generateMetadata() {
  const t = await getTranslations("fleets.list");
  return { title: t("title") };
}

export default async function FleetsPage() {
  const user = await requireFleetsAdmin();
  const fleets = await listAdminFleets(user.id);
  const t = await getTranslations("fleets.list");
  const newFleetLink = (
    <Link
      href="/fleets/new"
      className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
    >
      {t("newFleet")}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={newFleetLink} />
      {fleets.length === 0 ? <EmptyState title={t("empty")} action={newFleetLink} /> : <FleetList fleets={fleets} />}
    </>
  );
}
