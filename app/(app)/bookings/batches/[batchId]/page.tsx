import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { getBatchOrThrow } from "@/lib/bookings/batches";
import { PageHeader } from "@/components/ui/page-header";
import { BatchProgress } from "@/components/bookings/batch-progress-client";

export const metadata = { title: "Batch booking" };

export default async function Page({ params }: { params: Promise<{ batchId: string }> }) {
  const { fleetId } = await requirePage("bookings");
  const { batchId } = await params;
  const batch = await getBatchOrThrow(fleetId, batchId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title="Batch booking" description={`${batch.total} charge points`} />
      <BatchProgress fleetId={fleetId} batchId={batchId} initial={batch} />
    </>
  );
}
