// Where a page the active role may not open sends the user: inside the app shell, so the navigation stays.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PAGES, type PageKey } from "@/lib/auth/permissions";

export async function generateMetadata() {
  const t = await getTranslations("common.forbidden");
  return { title: t("title") };
}

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const t = await getTranslations("common.forbidden");
  const nav = await getTranslations("nav");
  const page = (await searchParams).page as PageKey | undefined;
  const label = page && page in PAGES ? nav(page) : t("thatPage");
  return (
    <div className="mx-auto mt-16 max-w-md text-center">
      <h1 className="text-2xl font-semibold">{t("heading", { page: label })}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t("text")}</p>
      <Link href="/" className="mt-4 inline-block underline">
        {t("startPage")}
      </Link>
    </div>
  );
}
