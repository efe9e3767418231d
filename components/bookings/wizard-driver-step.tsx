"use client";
// The wizard's "who charges": the way of paying the provider accepts, the driver, and the driver's token or
// the depot's RFID tag. Changing the way of paying clears the token fields of the others.
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { Card } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import type { FleetDriver } from "@/lib/bookings/records";
import { STRATEGIES_BY_PROVIDER } from "@/lib/bookings/schemas";
import type { TokenStrategy } from "@/lib/domain";
import { setField, type WizardForm } from "./wizard-form";

export function DriverStep({ form, drivers }: { form: WizardForm; drivers: FleetDriver[] }) {
  const t = useTranslations("wizard");
  const [provider, strategy, driverId, customerId, tokenId] = useWatch({
    control: form.control,
    name: ["provider", "tokenStrategy", "driverId", "customerId", "tokenId"],
  });
  const errors = form.formState.errors;
  const driver = drivers.find((d) => d.id === driverId);
  const token = customerId ? `customer:${customerId}` : tokenId ? `token:${tokenId}` : "";

  function chooseToken(customer: string | undefined, tokenValue: string | undefined) {
    setField(form, "customerId", customer);
    setField(form, "tokenId", tokenValue);
  }

  function chooseStrategy(next: TokenStrategy) {
    setField(form, "tokenStrategy", next);
    chooseToken(undefined, undefined);
    setField(form, "rfidValue", undefined);
  }

  return (
    <Card className="space-y-4">
      <SelectField
        label={t("driver.strategy")}
        value={strategy}
        onChange={(e) => chooseStrategy(e.target.value as TokenStrategy)}
        error={errors.tokenStrategy?.message}
      >
        {STRATEGIES_BY_PROVIDER[provider].map((s) => (
          <option key={s} value={s}>
            {t(`strategy.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={strategy === "DRIVER_TOKEN" ? t("driver.driver") : t("driver.assignOptional")}
        value={driverId ?? ""}
        onChange={(e) => {
          setField(form, "driverId", e.target.value || undefined);
          chooseToken(undefined, undefined);
        }}
        error={errors.driverId?.message}
      >
        <option value="">{strategy === "DRIVER_TOKEN" ? t("driver.chooseDriver") : t("driver.nobodyYet")}</option>
        {drivers.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      {strategy === "DRIVER_TOKEN" && (
        <SelectField
          label={t("driver.token")}
          value={token}
          onChange={(e) => {
            const [kind, value] = e.target.value.split(":", 2);
            chooseToken(kind === "customer" ? value : undefined, kind === "token" ? value : undefined);
          }}
          error={errors.customerId?.message ?? errors.tokenId?.message}
        >
          <option value="">{t("driver.chooseToken")}</option>
          {driver?.petitMondeCustomerIds.map((v) => (
            <option key={v} value={`customer:${v}`}>
              {t("driver.customerId", { id: v })}
            </option>
          ))}
          {driver?.petitMondeTokenIds.map((v) => (
            <option key={v} value={`token:${v}`}>
              {t("driver.tokenId", { id: v })}
            </option>
          ))}
        </SelectField>
      )}
      {strategy === "RFID" && (
        <InputField
          label={t("driver.rfid")}
          {...form.register("rfidValue", { setValueAs: (v: string | undefined) => v?.trim() || undefined })}
          error={errors.rfidValue?.message}
          hint={
            driver?.rfidValues.length
              ? t("driver.rfidHintDriver", { name: driver.name, tags: driver.rfidValues.join(", ") })
              : t("driver.rfidHint")
          }
        />
      )}
    </Card>
  );
}
