import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { CreateFleetForm } from "@/components/fleets/fleet-forms-lazy";
import { requireFleetsAdmin } from "@/lib/fleets/page-access";

export async function generateMetadata() {
  const t = await getTranslations("fleets.new");
  return { title: t("title") };
}

export default async function NewFleetPage() {
  await requireFleetsAdmin();
  const t = await getTranslations("fleets.new");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/fleets" className="text-sm underline">
            {t("back")}
          </Link>
        }
      />
      <CreateFleetForm />
    </>
  );
}
