import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { CreateFleetForm } from "@/components/fleets/create-fleet-form-client";
import { requireFleetsAdmin } from "@/lib/fleets/page-access";

export const metadata = { title: "New fleet" };

export default async function NewFleetPage() {
  await requireFleetsAdmin();
  return (
    <>
      <PageHeader
        title="New fleet"
        description="Creates the fleet at Plugsurfing and in this dashboard together; you become its admin."
        actions={
          <Link href="/fleets" className="text-sm underline">
            Back to fleets
          </Link>
        }
      />
      <CreateFleetForm />
    </>
  );
}
