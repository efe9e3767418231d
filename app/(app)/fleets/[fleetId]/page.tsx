import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { FleetFigures } from "@/components/fleets/fleet-summary";
import { PolicyForm, RenameFleetForm, SessionLimitForm } from "@/components/fleets/fleet-forms-lazy";
import { FleetMembers } from "@/components/fleets/members-client";
import { InvitationCodes } from "@/components/fleets/invitation-codes-client";
import { SpendingPolicies } from "@/components/fleets/spending-policies";
import { requireAdminOfFleet } from "@/lib/fleets/page-access";
import { getFleetOverview } from "@/lib/fleets/fleet-overview";
import { listMembers } from "@/lib/fleets/members";
import { listPendingInvitations } from "@/lib/fleets/invitations";
import { listInvitationCodes } from "@/lib/invitations/invitation-codes";
import { listPolicies, policyVehicles } from "@/lib/policies/list-policies";

export async function generateMetadata() {
  const t = await getTranslations("fleets.fleet");
  return { title: t("title") };
}

export default async function FleetPage({ params }: { params: Promise<{ fleetId: string }> }) {
  const { fleetId } = await params;
  const user = await requireAdminOfFleet(fleetId);
  const [fleet, members, invitations, codes, spending, vehicles] = await Promise.all([
    getFleetOverview(fleetId),
    listMembers(fleetId),
    listPendingInvitations(fleetId),
    listInvitationCodes(fleetId),
    listPolicies(fleetId),
    policyVehicles(fleetId),
  ]);
  if (!fleet) notFound();
  const t = await getTranslations("fleets.fleet");
  const tokens = await getTranslations("fleets.apiTokens");
  const webhooks = await getTranslations("fleets.webhooks");
  return (
    <>
      <PageHeader
        title={fleet.name}
        description={t("description")}
        actions={
          <Link href="/fleets" className="text-sm underline">
            {t("allFleets")}
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("overview")}</h2>
          <FleetFigures fleet={fleet} />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("name")}</h2>
          <RenameFleetForm
            fleetId={fleet.id}
            name={fleet.name}
            plugsurfingFleetId={fleet.plugsurfingFleetId}
            syncing={fleet.nameSyncing}
          />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("sessionLimit")}</h2>
          <SessionLimitForm fleetId={fleet.id} sessionLimitHours={fleet.sessionLimitHours} />
        </Card>
        <Card className="xl:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">{t("members")}</h2>
          <FleetMembers fleetId={fleet.id} members={members} invitations={invitations} currentUserId={user.id} />
        </Card>
        <Card className="xl:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">{t("spendingPolicy")}</h2>
          <SpendingPolicies fleet={fleet} timeZone={spending.timeZone} policies={spending.policies} />
          <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
            <PolicyForm
              fleetId={fleet.id}
              policies={spending.policies}
              drivers={members
                .filter((m) => m.role === "DRIVER")
                .map((m) => ({ value: `driver:${m.userId}`, label: m.name || m.email }))}
              vehicles={vehicles.map((v) => ({
                value: `vehicle:${v.id}`,
                label: v.name ? `${v.plate} (${v.name})` : v.plate,
              }))}
            />
          </div>
        </Card>
        <Card className="xl:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">{t("depotChargers")}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("depotChargersText")}</p>
          <Link href={`/fleets/${fleet.id}/depot-chargers`} className="mt-2 inline-block text-sm underline">
            {t("manageDepotChargers")}
          </Link>
        </Card>
        <Card className="xl:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">{t("apiTokens")}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{tokens("fleetCardText")}</p>
          <Link href={`/fleets/${fleet.id}/api-tokens`} className="mt-2 inline-block text-sm underline">
            {tokens("manage")}
          </Link>
        </Card>
        <Card className="xl:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">{t("webhooks")}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{webhooks("fleetCardText")}</p>
          <Link href={`/fleets/${fleet.id}/webhooks`} className="mt-2 inline-block text-sm underline">
            {webhooks("manage")}
          </Link>
        </Card>
        <Card className="xl:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">{t("invitationCodes")}</h2>
          <InvitationCodes fleetId={fleet.id} codes={codes} />
        </Card>
      </div>
    </>
  );
}
