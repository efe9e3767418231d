"use client";
// Issuing a dashboard invitation code: how long it is valid and how often it may be used; the new code and
// its join link are shown once, to copy.
import { useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { useAction, failureOf } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { issueInvitationCodeAction } from "@/lib/actions/invitations";
import { issueInvitationCodeInput } from "@/lib/invitations/schemas";
import { CopyButton } from "./copy-button-client";

const FIELDS = ["expiresInDays", "maxUses"] as const;
const noSubscription = () => () => {};

function IssuedCode({ code }: { code: string }) {
  const t = useTranslations("fleets.issue");
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  const link = `${origin}/join/${code}`;
  return (
    <div className="rounded-md bg-emerald-50 p-3 text-sm dark:bg-emerald-950" role="status" data-testid="issued-code">
      <p>{t("newCode")}</p>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <code
          className="rounded bg-white px-2 py-1 font-mono text-base tracking-wider dark:bg-slate-900"
          data-testid="issued-code-value"
        >
          {code}
        </code>
        <CopyButton value={code} label={t("copyCode")} />
      </p>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <span className="break-all font-mono text-xs" data-testid="issued-code-link">
          {link}
        </span>
        <CopyButton value={link} label={t("copyLink")} />
      </p>
    </div>
  );
}

export function IssueCodeForm({ fleetId }: { fleetId: string }) {
  const t = useTranslations("fleets.issue");
  const router = useRouter();
  const form = useZodForm(issueInvitationCodeInput, { defaultValues: { fleetId, expiresInDays: 14, maxUses: 10 } });
  const [formError, setFormError] = useState("");
  const issue = useAction(issueInvitationCodeAction, { onSuccess: () => router.refresh() });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(() => {
    setFormError("");
    issue.mutate(form.getValues(), {
      onError: (error) => {
        const failure = failureOf(error);
        if (failure) setFormError(showServerErrors(form, failure, FIELDS));
      },
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("ariaLabel")}>
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          label={t("validFor")}
          type="number"
          min={1}
          max={90}
          error={errors.expiresInDays?.message}
          {...form.register("expiresInDays")}
        />
        <InputField
          label={t("maxUses")}
          type="number"
          min={1}
          max={1000}
          error={errors.maxUses?.message}
          {...form.register("maxUses")}
        />
      </div>
      {formError && (
        <p className="text-sm text-red-600 dark:text-red-400" role="alert">
          {formError}
        </p>
      )}
      {issue.data && <IssuedCode code={issue.data.code} />}
      <Button type="submit" loading={issue.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}
