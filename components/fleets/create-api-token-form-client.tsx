"use client";
// Creating an API token: its name, role and optional expiry; the token is shown once, to copy.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { useAction, failureOf } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { createApiTokenAction } from "@/lib/actions/api-tokens";
import { API_TOKEN_ROLES, createApiTokenInput } from "@/lib/api-tokens/schemas";
import { CopyButton } from "./copy-button-client";

const FIELDS = ["name", "role", "expiresInDays"] as const;

function CreatedToken({ token }: { token: string }) {
  const t = useTranslations("fleets.apiTokens");
  return (
    <div className="rounded-md bg-emerald-50 p-3 text-sm dark:bg-emerald-950" role="status" data-testid="created-token">
      <p>{t("created")}</p>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <code
          className="break-all rounded bg-white px-2 py-1 font-mono dark:bg-slate-900"
          data-testid="created-token-value"
        >
          {token}
        </code>
        <CopyButton value={token} label={t("copy")} />
      </p>
    </div>
  );
}

export function CreateApiTokenForm({ fleetId }: { fleetId: string }) {
  const t = useTranslations("fleets.apiTokens");
  const roles = useTranslations("roles");
  const router = useRouter();
  const form = useZodForm(createApiTokenInput, { defaultValues: { fleetId, name: "", role: "DISPATCHER" } });
  const [formError, setFormError] = useState("");
  const create = useAction(createApiTokenAction, {
    onSuccess: () => {
      form.reset({ fleetId, name: "", role: "DISPATCHER" });
      router.refresh();
    },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(() => {
    setFormError("");
    create.mutate(form.getValues(), {
      onError: (error) => {
        const failure = failureOf(error);
        if (failure) setFormError(showServerErrors(form, failure, FIELDS));
      },
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("ariaLabel")}>
      <div className="grid gap-3 sm:grid-cols-3">
        <InputField
          label={t("name")}
          placeholder={t("namePlaceholder")}
          error={errors.name?.message}
          {...form.register("name")}
        />
        <SelectField label={t("role")} error={errors.role?.message} {...form.register("role")}>
          {API_TOKEN_ROLES.map((role) => (
            <option key={role} value={role}>
              {roles(role)}
            </option>
          ))}
        </SelectField>
        <InputField
          label={t("expires")}
          hint={t("expiresHint")}
          type="number"
          min={1}
          max={365}
          error={errors.expiresInDays?.message}
          {...form.register("expiresInDays")}
        />
      </div>
      {formError && (
        <p className="text-sm text-red-600 dark:text-red-400" role="alert">
          {formError}
        </p>
      )}
      {create.data && <CreatedToken token={create.data.token} />}
      <Button type="submit" loading={create.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}
