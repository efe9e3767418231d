// "Navigate" links to a booked charger in the driver's map app, by position or else by street address.
import { useTranslations } from "next-intl";
import { navigationLinks } from "@/lib/bookings/presentation";
import type { ChargerSnapshot } from "@/lib/bookings/schemas";

export function NavigationLinks({ charger }: { charger: ChargerSnapshot }) {
  const t = useTranslations("bookings");
  const links = navigationLinks(charger);
  if (!links) {
    return (
      <p className="text-slate-600 dark:text-slate-400" data-testid="position-unknown">
        {t("navigation.positionUnknown")}
      </p>
    );
  }
  return (
    <div data-testid="navigation-links">
      <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label={t("navigation.label", { name: charger.name })}>
        {links.map((link) => (
          <li key={link.app}>
            <a className="underline underline-offset-2" href={link.href} target="_blank" rel="noopener noreferrer">
              {link.app}
              <span className="sr-only"> {t("navigation.newTab")}</span>
            </a>
          </li>
        ))}
      </ul>
      {charger.positionKnown === false && <p className="text-xs text-slate-500">{t("navigation.byAddress")}</p>}
    </div>
  );
}
