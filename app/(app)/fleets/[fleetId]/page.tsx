import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { FleetFigures } from "@/components/fleets/fleet-summary";
import { RenameFleetForm } from "@/components/fleets/rename-fleet-form-client";
import { FleetMembers } from "@/components/fleets/members-client";
import { InvitationCodes } from "@/components/fleets/invitation-codes-client";
import { requireAdminOfFleet } from "@/lib/fleets/page-access";
import { getFleetOverview } from "@/lib/fleets/fleet-overview";
import { listMembers } from "@/lib/fleets/members";
import { listPendingInvitations } from "@/lib/fleets/invitations";
import { listInvitationCodes } from "@/lib/invitations/invitation-codes";

export const metadata = { title: "Fleet" };

export default async function FleetPage({ params }: { params: Promise<{ fleetId: string }> }) {
  const { fleetId } = await params;
  const user = await requireAdminOfFleet(fleetId);
  const [fleet, members, invitations, codes] = await Promise.all([
    getFleetOverview(fleetId),
    listMembers(fleetId),
    listPendingInvitations(fleetId),
    listInvitationCodes(fleetId),
  ]);
  if (!fleet) notFound();
  return (
    <>
      <PageHeader
        title={fleet.name}
        description="Members, roles, depot chargers and invitation codes of this fleet."
        actions={
          <Link href="/fleets" className="text-sm underline">
            All fleets
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Overview</h2>
          <FleetFigures fleet={fleet} />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Name</h2>
          <RenameFleetForm
            fleetId={fleet.id}
            name={fleet.name}
            plugsurfingFleetId={fleet.plugsurfingFleetId}
            syncing={fleet.nameSyncing}
          />
        </Card>
        <Card className="xl:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">Members</h2>
          <FleetMembers fleetId={fleet.id} members={members} invitations={invitations} currentUserId={user.id} />
        </Card>
        <Card className="xl:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">Depot chargers</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            The chargers at the fleet&apos;s own depots (DepotFinity): the map and the booking wizard find depot
            chargers only from this list.
          </p>
          <Link href={`/fleets/${fleet.id}/depot-chargers`} className="mt-2 inline-block text-sm underline">
            Manage depot chargers
          </Link>
        </Card>
        <Card className="xl:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">Invitation codes</h2>
          <InvitationCodes fleetId={fleet.id} codes={codes} />
        </Card>
      </div>
    </>
  );
}
