import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { FleetList } from "@/components/fleets/fleet-list";
import { requireFleetsAdmin } from "@/lib/fleets/page-access";
import { listAdminFleets } from "@/lib/fleets/fleet-overview";

export const metadata = { title: "Fleets" };

const newFleetLink = (
  <Link
    href="/fleets/new"
    className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
  >
    New fleet
  </Link>
);

export default async function FleetsPage() {
  const user = await requireFleetsAdmin();
  const fleets = await listAdminFleets(user.id);
  return (
    <>
      <PageHeader
        title="Fleets"
        description="The fleets you administer: members, keys, bookings and this month's cost."
        actions={newFleetLink}
      />
      {fleets.length === 0 ? <EmptyState title="No fleets yet" action={newFleetLink} /> : <FleetList fleets={fleets} />}
    </>
  );
}
