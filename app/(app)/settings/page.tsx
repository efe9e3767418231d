import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/settings/change-password-form-lazy";
import { LanguageForm } from "@/components/settings/language-form-client";
import { TimeZoneForm } from "@/components/settings/time-zone-form-client";
import { isTimeZone, timeZoneChoices } from "@/lib/format/reader";
import { canViewProviderHealth } from "@/lib/providers/health-report";
import { isLanguage } from "@/lib/i18n/languages";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const { user } = await requirePage("settings");
  const t = await getTranslations("settings");
  const roles = await getTranslations("roles");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">{t("account")}</h2>
          <dl className="grid grid-cols-[8rem_1fr] gap-1 text-sm">
            <dt className="text-slate-500">{t("name")}</dt>
            <dd>{user.name}</dd>
            <dt className="text-slate-500">{t("email")}</dt>
            <dd>{user.email}</dd>
          </dl>
          <h3 className="mb-1 mt-4 text-sm font-semibold">{t("fleets")}</h3>
          <ul className="text-sm">
            {user.memberships.map((m) => (
              <li key={m.fleetId}>{t("membership", { fleet: m.fleetName, role: roles(m.role) })}</li>
            ))}
          </ul>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">{t("language.title")}</h2>
          <LanguageForm current={isLanguage(user.locale) ? user.locale : null} />
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">{t("timeZone.title")}</h2>
          <TimeZoneForm
            current={user.timeZone && isTimeZone(user.timeZone) ? user.timeZone : null}
            choices={timeZoneChoices()}
          />
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">{t("password.title")}</h2>
          <ChangePasswordForm />
        </Card>
        {canViewProviderHealth(user) && (
          <Card>
            <h2 className="mb-2 font-semibold">{t("providers")}</h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("providersText")}</p>
            <Link href="/settings/providers" className="mt-3 inline-block text-sm font-medium underline">
              {t("providerHealth")}
            </Link>
          </Card>
        )}
      </div>
    </>
  );
}
