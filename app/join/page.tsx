import { getTranslations } from "next-intl/server";
import { JoinPage } from "@/components/join/join-page";

export async function generateMetadata() {
  const t = await getTranslations("join.page");
  return { title: t("title") };
}

/** Open to everyone (the proxy lets /join through): new drivers sign up here with their code. */
export default function Page() {
  return <JoinPage code="" />;
}
