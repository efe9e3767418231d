import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { docOperations, type DocField } from "@/lib/api-v1/docs";
import { LIMITS } from "@/lib/rate-limit";
import { requireAdminOfFleet } from "@/lib/fleets/page-access";

const OPENAPI_PATH = "/api/v1/openapi.json";

export async function generateMetadata() {
  const t = await getTranslations("fleets.apiTokens.docs");
  return { title: t("title") };
}

async function FieldTable({ caption, fields }: { caption: string; fields: DocField[] }) {
  const t = await getTranslations("fleets.apiTokens.docs");
  if (fields.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left font-medium">{caption}</caption>
        <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            <th className="px-2 py-1">{t("name")}</th>
            <th className="px-2 py-1">{t("in")}</th>
            <th className="px-2 py-1">{t("required")}</th>
            <th className="px-2 py-1">{t("type")}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={`${f.in}-${f.name}`} className="border-t border-slate-200 dark:border-slate-800">
              <td className="px-2 py-1 font-mono">{f.name}</td>
              <td className="px-2 py-1">{f.in}</td>
              <td className="px-2 py-1">{f.required ? t("yes") : t("no")}</td>
              <td className="break-all px-2 py-1 font-mono text-xs">{f.type}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function ApiDocsPage({ params }: { params: Promise<{ fleetId: string }> }) {
  const { fleetId } = await params;
  await requireAdminOfFleet(fleetId);
  const t = await getTranslations("fleets.apiTokens");
  const host = (await headers()).get("host");
  const operations = docOperations(host ? `http://${host}` : "");
  const errorExample = '{ "error": { "code": "…", "message": "…" } }';
  return (
    <>
      <PageHeader
        title={t("docs.heading")}
        description={t("docs.intro", { example: errorExample })}
        actions={
          <Link href={`/fleets/${fleetId}/api-tokens`} className="text-sm underline">
            {t("title")}
          </Link>
        }
      />
      <div className="space-y-4">
        <Card>
          <h2 className="text-lg font-semibold">{t("docs.auth")}</h2>
          <p className="mt-1 font-mono text-sm">{t("docs.authText")}</p>
          <h2 className="mt-3 text-lg font-semibold">{t("docs.limits")}</h2>
          <p className="mt-1 text-sm">{t("docs.limitsText", { perMinute: LIMITS.apiPerToken.points })}</p>
          <p className="mt-3 text-sm">
            {t.rich("docs.openapi", {
              link: () => (
                <a href={OPENAPI_PATH} className="font-mono underline">
                  {OPENAPI_PATH}
                </a>
              ),
            })}
          </p>
        </Card>
        {operations.map((op) => (
          <Card key={`${op.method} ${op.path}`}>
            <section aria-label={`${op.method} ${op.path}`} data-testid="api-operation" className="space-y-3">
              <h2 className="font-mono text-base font-semibold">
                <span className="mr-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs dark:bg-slate-700">{op.method}</span>
                {op.path}
              </h2>
              <p className="text-sm">{op.summary}</p>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {t("docs.roles")}: <span className="font-mono">{op.endpoint}</span>
              </p>
              <FieldTable caption={t("docs.parameters")} fields={op.fields} />
              <FieldTable caption={t("docs.body")} fields={op.bodyFields} />
              <div>
                <p className="mb-1 text-sm font-medium">{t("docs.example")}</p>
                <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{op.curl}</pre>
              </div>
            </section>
          </Card>
        ))}
      </div>
    </>
  );
}
