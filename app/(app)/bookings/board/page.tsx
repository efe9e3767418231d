import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { Spinner } from "@/components/ui/spinner";
import { DispatchBoard } from "@/components/bookings/board/board-client";

export async function generateMetadata() {
  const t = await getTranslations("board");
  return { title: t("title") };
}

export default async function BoardPage() {
  const { fleetId } = await requirePage("bookings");
  const t = await getTranslations("board");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link
            href="/bookings"
            className="inline-flex h-10 items-center rounded-md border border-slate-300 px-4 text-sm dark:border-slate-700"
          >
            {t("openList")}
          </Link>
        }
      />
      <Suspense fallback={<Spinner />}>
        <DispatchBoard fleetId={fleetId} />
      </Suspense>
    </>
  );
}
