// A booking's automatic re-booking on its page: whether it opted in, and the booking that replaced it (or that
// it replaces), or why nothing could be booked instead.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { RebookView } from "@/lib/bookings/records";

export function RebookStatus({ rebook }: { rebook: RebookView | null }) {
  const t = useTranslations("bookings.rebook.detail");
  if (!rebook) return null;
  const link = (to: { id: string }) => (
    <Link href={`/bookings/${to.id}`} className="ml-1 text-brand-700 underline dark:text-brand-300">
      {t("open")}
    </Link>
  );
  return (
    <section aria-label={t("title")} data-testid="rebook-status" className="space-y-1 text-sm">
      <h3 className="font-medium">{t("title")}</h3>
      {rebook.withinKm !== null && <p>{t("on", { km: rebook.withinKm })}</p>}
      {rebook.owed && <p className="text-amber-700 dark:text-amber-300">{t("owed")}</p>}
      {rebook.replacedBy && (
        <p>
          {t("rebookedAs", { charger: rebook.replacedBy.charger })}
          {link(rebook.replacedBy)}
        </p>
      )}
      {rebook.replaces && (
        <p>
          {t("rebookedFrom", { charger: rebook.replaces.charger })}
          {link(rebook.replaces)}
        </p>
      )}
      {rebook.failure && (
        <p className="text-amber-700 dark:text-amber-300">
          {t(`outcome.${rebook.failure}`, { km: rebook.withinKm ?? 0 })}
        </p>
      )}
    </section>
  );
}
