"use client";
// A fleet's API tokens: create one (shown once), the list with prefix, role, who made it and its last use,
// and revoking with a confirmation.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { useAction, failureOf } from "@/components/ui/use-action";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens";
import type { ApiTokenStatus, ApiTokenSummary } from "@/lib/api-tokens/api-tokens";
import { CreateApiTokenForm } from "./fleet-forms-lazy";

const STATUS_TONES: Record<ApiTokenStatus, BadgeTone> = { active: "success", expired: "neutral", revoked: "danger" };

export function ApiTokens({ fleetId, tokens }: { fleetId: string; tokens: ApiTokenSummary[] }) {
  const t = useTranslations("fleets.apiTokens");
  const roles = useTranslations("roles");
  const router = useRouter();
  const [revoking, setRevoking] = useState<ApiTokenSummary | null>(null);
  const revoke = useAction(revokeApiTokenAction, {
    onSuccess: () => {
      setRevoking(null);
      router.refresh();
    },
  });
  return (
    <div className="space-y-6">
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("createHeading")}</h2>
        <CreateApiTokenForm fleetId={fleetId} />
      </section>
      {tokens.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyText")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table className="w-full text-left text-sm" aria-label={t("tableLabel")}>
            <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                <th className="px-3 py-2">{t("name")}</th>
                <th className="px-3 py-2">{t("tokenHeader")}</th>
                <th className="px-3 py-2">{t("roleHeader")}</th>
                <th className="px-3 py-2">{t("statusHeader")}</th>
                <th className="px-3 py-2">{t("createdBy")}</th>
                <th className="px-3 py-2">{t("lastUsed")}</th>
                <th className="px-3 py-2">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr
                  key={token.id}
                  className="border-t border-slate-200 dark:border-slate-800"
                  data-testid={`api-token-${token.prefix}`}
                >
                  <td className="px-3 py-2">{token.name}</td>
                  <td className="px-3 py-2 font-mono">{token.prefix}…</td>
                  <td className="px-3 py-2">{roles(token.role)}</td>
                  <td className="px-3 py-2">
                    <Badge tone={STATUS_TONES[token.status]}>{t(`status.${token.status}`)}</Badge>
                  </td>
                  <td className="px-3 py-2">{token.createdByName ?? "—"}</td>
                  <td className="px-3 py-2">{token.lastUsedAt ? <LocalTime iso={token.lastUsedAt} /> : t("never")}</td>
                  <td className="px-3 py-2">
                    {token.status === "active" && (
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        onClick={() => setRevoking(token)}
                        aria-label={t("revokeLabel", { name: token.name })}
                      >
                        {t("revoke")}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => {
          if (!open) {
            revoke.reset();
            setRevoking(null);
          }
        }}
        title={revoking ? t("confirmTitle", { name: revoking.name }) : ""}
        description={t("confirmBody")}
        confirmLabel={t("revoke")}
        cancelLabel={t("keep")}
        pending={revoke.isPending}
        error={failureOf(revoke.error)?.message}
        onConfirm={() => revoking && revoke.mutate({ fleetId, tokenId: revoking.id })}
      />
    </div>
  );
}
