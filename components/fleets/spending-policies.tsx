// A fleet's spending policies as they stand: the fleet's own and each driver's or vehicle's override, rule by
// rule, beside the limits Petit Monde holds the fleet group to. Set through the policies.set action.
import { getTranslations } from "next-intl/server";
import { PROVIDER_LABELS } from "@/lib/domain/provider";
import { serverFormatter } from "@/lib/format/server";
import type { FleetOverview } from "@/lib/fleets/fleet-overview";
import type { ListedPolicy } from "@/lib/policies/list-policies";

const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

export async function SpendingPolicies({
  fleet,
  timeZone,
  policies,
}: {
  fleet: FleetOverview;
  timeZone: string;
  policies: ListedPolicy[];
}) {
  const f = await serverFormatter();
  const t = await getTranslations("fleets.policies");
  const days = await getTranslations("alerts.kinds.policy.weekdays");
  const group = (minor: number | null) =>
    minor === null || !fleet.spendingLimitCurrency ? t("none") : f.money(minor, fleet.spendingLimitCurrency);
  const rules = (p: ListedPolicy) =>
    [
      p.monthlyCapMinor !== null && p.currency
        ? t("monthlyCap", { cap: f.money(p.monthlyCapMinor, p.currency) })
        : null,
      p.sessionCapMinor !== null && p.currency
        ? t("sessionCap", { cap: f.money(p.sessionCapMinor, p.currency) })
        : null,
      p.maxPricePerKwhDeciMinor !== null && p.currency
        ? t("pricePerKwh", { price: `${f.number(p.maxPricePerKwhDeciMinor / 1000, 3)} ${p.currency}` })
        : null,
      p.allowedWeekdays.length > 0
        ? t("weekdays", { days: p.allowedWeekdays.map((d) => days(String(d))).join(", ") })
        : null,
      p.allowedFromMinute !== null && p.allowedToMinute !== null
        ? t("hours", { from: clock(p.allowedFromMinute), to: clock(p.allowedToMinute) })
        : null,
      p.allowedProviders.length > 0
        ? t("providers", { providers: p.allowedProviders.map((x) => PROVIDER_LABELS[x]).join(", ") })
        : null,
      p.allowedOperators.length > 0 ? t("operators", { operators: p.allowedOperators.join(", ") }) : null,
    ].filter((r): r is string => r !== null);
  return (
    <div className="grid grid-cols-1 gap-4 text-sm md:grid-cols-2">
      <section aria-labelledby="own-policies">
        <h3 id="own-policies" className="mb-2 font-medium">
          {t("own", { timeZone })}
        </h3>
        {policies.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">{t("noPolicy")}</p>
        ) : (
          <ul className="space-y-2" data-testid="spending-policies">
            {policies.map((p) => (
              <li key={p.id}>
                <p className="font-medium">{t(`owners.${p.owner.scope}`, { name: p.owner.name })}</p>
                <p>{rules(p).join(" · ") || t("noRules")}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="group-limits">
        <h3 id="group-limits" className="mb-2 font-medium">
          {t("groupLimits")}
        </h3>
        {fleet.petitMondeFleetGroupId ? (
          <p>
            {t("groupLimitsText", {
              monthly: group(fleet.spendingLimitMonthlyMinor),
              session: group(fleet.spendingLimitSessionMinor),
            })}
          </p>
        ) : (
          <p className="text-slate-600 dark:text-slate-400">{t("noGroup")}</p>
        )}
      </section>
    </div>
  );
}
