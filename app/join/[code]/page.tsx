import { getTranslations } from "next-intl/server";
import { JoinPage } from "@/components/join/join-page";

export async function generateMetadata() {
  const t = await getTranslations("join.page");
  return { title: t("title") };
}

/** The join link an admin shares: the code is filled in. */
export default async function JoinWithCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <JoinPage code={decodeURIComponent(code).slice(0, 64)} />;
}
