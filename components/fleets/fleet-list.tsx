// The fleets the signed-in user administers, each linking to its page.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { FleetOverview } from "@/lib/fleets/fleet-overview";
import { FleetFigures } from "@/components/fleets/fleet-summary";
import { SyncingBadge } from "@/components/ui/syncing-badge";

export async function FleetList({ fleets }: { fleets: FleetOverview[] }) {
  const t = await getTranslations("fleets.list");
  return (
    <ul className="grid grid-cols-1 gap-4 lg:grid-cols-2" aria-label={t("ariaLabel")}>
      {fleets.map((fleet) => (
        <li key={fleet.id}>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">
              <Link href={`/fleets/${fleet.id}`} className="hover:underline">
                {fleet.name}
              </Link>
              {fleet.nameSyncing && <SyncingBadge className="ml-2 align-middle" />}
            </h2>
            <FleetFigures fleet={fleet} />
          </Card>
        </li>
      ))}
    </ul>
  );
}
