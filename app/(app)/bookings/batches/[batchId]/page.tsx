import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { getBatchOrThrow } from "@/lib/bookings/batches";
import { PageHeader } from "@/components/ui/page-header";
import { BatchProgress } from "@/components/bookings/batch-progress-client";

export async function generateMetadata() {
  const t = await getTranslations("batches");
  return { title: t("title") };
}

export default async function Page({ params }: { params: Promise<{ batchId: string }> }) {
  const { fleetId } = await requirePage("bookings");
  const { batchId } = await params;
  const t = await getTranslations("batches");
  const batch = await getBatchOrThrow(fleetId, batchId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={t("title")} description={t("chargePointCount", { count: batch.total })} />
      <BatchProgress fleetId={fleetId} batchId={batchId} initial={batch} />
    </>
  );
}
