import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Charging keys" };

export default async function Page() {
  await requirePage("keys");
  return (
    <>
      <PageHeader title="Charging keys" />
      <EmptyState title="Your fleet's charging keys will be listed here">RFID cards, tags and virtual keys from every provider, with who holds them and whether they are enabled.</EmptyState>
    </>
  );
}
