import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/settings/change-password-form-client";
import { canViewProviderHealth } from "@/lib/providers/health-report";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { user } = await requirePage("settings");
  return (
    <>
      <PageHeader title="Settings" description="Your account and the fleets you belong to." />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">Account</h2>
          <dl className="grid grid-cols-[8rem_1fr] gap-1 text-sm">
            <dt className="text-slate-500">Name</dt>
            <dd>{user.name}</dd>
            <dt className="text-slate-500">Email</dt>
            <dd>{user.email}</dd>
          </dl>
          <h3 className="mb-1 mt-4 text-sm font-semibold">Fleets</h3>
          <ul className="text-sm">
            {user.memberships.map((m) => (
              <li key={m.fleetId}>
                {m.fleetName} — {ROLE_LABELS[m.role]}
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Change password</h2>
          <ChangePasswordForm />
        </Card>
        {canViewProviderHealth(user) && (
          <Card>
            <h2 className="mb-2 font-semibold">Providers</h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Whether Plugsurfing, Petit Monde and DepotFinity are answering, how fast, and how much of their rate
              limits and quota the dashboard is using.
            </p>
            <Link href="/settings/providers" className="mt-3 inline-block text-sm font-medium underline">
              Provider health
            </Link>
          </Card>
        )}
      </div>
    </>
  );
}
