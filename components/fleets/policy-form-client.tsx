"use client";
// Sets the fleet's spending policy, or a driver's or a vehicle's override of it, rule by rule (an empty field is
// no rule); removes an override or the fleet's policy. Choosing whose policy fills the form with what is set.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { failureOf, useAction } from "@/components/ui/use-action";
import { showServerErrors, useZodForm } from "@/components/ui/zod-form";
import { removePolicyAction, setPolicyAction } from "@/lib/actions/policies";
import { PROVIDER_LABELS, PROVIDERS } from "@/lib/domain/provider";
import type { ListedPolicy } from "@/lib/policies/list-policies";
import { policyFormValues, policyInputOf, type PolicyFormValues } from "@/lib/policies/form";

const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;

/** The action's field names as this form calls its fields. */
const FORM_FIELDS: Record<string, keyof PolicyFormValues> = {
  userId: "target",
  vehicleId: "target",
  currency: "currency",
  monthlyCapMinor: "monthlyCap",
  sessionCapMinor: "sessionCap",
  maxPricePerKwhDeciMinor: "pricePerKwh",
  allowedWeekdays: "weekdays",
  allowedFromMinute: "from",
  allowedToMinute: "to",
  allowedProviders: "providers",
  allowedOperators: "operators",
};

const onFormFields = (fieldErrors: Record<string, string[]> | undefined) =>
  Object.fromEntries(
    Object.entries(fieldErrors ?? {}).map(([path, messages]) => [FORM_FIELDS[path.split(".")[0]] ?? path, messages]),
  );

interface Target {
  value: string;
  label: string;
}

const targetOf = (p: Pick<ListedPolicy, "userId" | "vehicleId">) =>
  p.userId ? `driver:${p.userId}` : p.vehicleId ? `vehicle:${p.vehicleId}` : "fleet";

const decimal = (minor: number | null, factor: number) =>
  minor === null
    ? ""
    : String(minor / factor)
        .replace(/(\.\d*?)0+$/, "$1")
        .replace(/\.$/, "");
const clock = (minute: number | null) =>
  minute === null ? "" : `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

function valuesOf(target: string, policy: ListedPolicy | undefined): PolicyFormValues {
  return {
    target,
    currency: policy?.currency ?? "EUR",
    monthlyCap: decimal(policy?.monthlyCapMinor ?? null, 100),
    sessionCap: decimal(policy?.sessionCapMinor ?? null, 100),
    pricePerKwh: decimal(policy?.maxPricePerKwhDeciMinor ?? null, 1000),
    weekdays: (policy?.allowedWeekdays ?? []).map(String),
    from: clock(policy?.allowedFromMinute ?? null),
    to: clock(policy?.allowedToMinute ?? null),
    providers: policy?.allowedProviders ?? [],
    operators: (policy?.allowedOperators ?? []).join(", "),
  };
}

export function PolicyForm({
  fleetId,
  policies,
  drivers,
  vehicles,
}: {
  fleetId: string;
  policies: ListedPolicy[];
  drivers: Target[];
  vehicles: Target[];
}) {
  const t = useTranslations("fleets.policyForm");
  const days = useTranslations("alerts.kinds.policy.weekdays");
  const router = useRouter();
  const policyOf = (target: string) => policies.find((p) => targetOf(p) === target);
  const form = useZodForm(policyFormValues, { defaultValues: valuesOf("fleet", policyOf("fleet")) });
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const target = form.watch("target");
  const existing = policyOf(target);
  const done = (text: string) => {
    setMessage({ tone: "success", text });
    router.refresh();
  };
  const save = useAction(setPolicyAction, { onSuccess: () => done(t("saved")) });
  const remove = useAction(removePolicyAction, {
    onSuccess: () => {
      form.reset(valuesOf(target, undefined));
      done(t("removed"));
    },
  });

  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    save.mutate(policyInputOf(fleetId, values), {
      onError: (error) => {
        const failure = failureOf(error);
        const text = failure
          ? showServerErrors(form, { ...failure, fieldErrors: onFormFields(failure.fieldErrors) }, Object.keys(values))
          : "";
        setMessage(text ? { tone: "error", text } : null);
      },
    });
  });
  const errors = form.formState.errors;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("ariaLabel")}>
      <SelectField
        label={t("target")}
        {...form.register("target", {
          onChange: (event: { target: { value: string } }) => {
            setMessage(null);
            form.reset(valuesOf(event.target.value, policyOf(event.target.value)));
          },
        })}
      >
        <option value="fleet">{t("fleetTarget")}</option>
        {drivers.length > 0 && (
          <optgroup label={t("drivers")}>
            {drivers.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </optgroup>
        )}
        {vehicles.length > 0 && (
          <optgroup label={t("vehicles")}>
            {vehicles.map((v) => (
              <option key={v.value} value={v.value}>
                {v.label}
              </option>
            ))}
          </optgroup>
        )}
      </SelectField>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t(target === "fleet" ? "fleetHint" : "overrideHint")}
      </p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <InputField
          label={t("currency")}
          maxLength={3}
          error={errors.currency?.message}
          {...form.register("currency")}
        />
        <InputField
          label={t("monthlyCap")}
          inputMode="decimal"
          error={errors.monthlyCap?.message}
          {...form.register("monthlyCap")}
        />
        <InputField
          label={t("sessionCap")}
          inputMode="decimal"
          error={errors.sessionCap?.message}
          {...form.register("sessionCap")}
        />
        <InputField
          label={t("pricePerKwh")}
          inputMode="decimal"
          error={errors.pricePerKwh?.message}
          {...form.register("pricePerKwh")}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("weekdays")}</legend>
        <div className="mt-1 flex flex-wrap gap-3 text-sm">
          {WEEKDAYS.map((d) => (
            <label key={d} className="flex items-center gap-1">
              <input type="checkbox" value={d} {...form.register("weekdays")} />
              {days(d)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-3 sm:max-w-md">
        <InputField label={t("from")} placeholder="07:00" error={errors.from?.message} {...form.register("from")} />
        <InputField label={t("to")} placeholder="19:00" error={errors.to?.message} {...form.register("to")} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("providers")}</legend>
        <div className="mt-1 flex flex-wrap gap-3 text-sm">
          {PROVIDERS.map((p) => (
            <label key={p} className="flex items-center gap-1">
              <input type="checkbox" value={p} {...form.register("providers")} />
              {PROVIDER_LABELS[p]}
            </label>
          ))}
        </div>
      </fieldset>
      <InputField
        label={t("operators")}
        hint={t("operatorsHint")}
        error={errors.operators?.message}
        {...form.register("operators")}
      />
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={
            message.tone === "error"
              ? "text-sm text-red-700 dark:text-red-300"
              : "text-sm text-emerald-700 dark:text-emerald-400"
          }
        >
          {message.text}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={save.isPending}>
          {t("save")}
        </Button>
        {existing && (
          <Button
            type="button"
            variant="secondary"
            loading={remove.isPending}
            onClick={() => {
              setMessage(null);
              const [scope, id] = target.split(":");
              remove.mutate(
                { fleetId, userId: scope === "driver" ? id : null, vehicleId: scope === "vehicle" ? id : null },
                {
                  onError: (error) => setMessage({ tone: "error", text: failureOf(error)?.message ?? "" }),
                },
              );
            }}
          >
            {t(target === "fleet" ? "removeFleet" : "removeOverride")}
          </Button>
        )}
      </div>
    </form>
  );
}
