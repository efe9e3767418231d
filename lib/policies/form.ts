// The spending policy form as a person fills it in (amounts in whole currency units, times as HH:MM, operators
// separated by commas), and what the policies.set action receives from it.
import { z } from "zod";
import { PROVIDERS } from "@/lib/domain/provider";
import { SCHEMA_MESSAGES as say } from "@/lib/validation/plain-errors";
import type { SetPolicyInput } from "./schemas";

const amount = z
  .string()
  .trim()
  .regex(/^(\d{1,7}([.,]\d{1,2})?)?$/, say.policyAmount);
const price = z
  .string()
  .trim()
  .regex(/^(\d{1,3}([.,]\d{1,3})?)?$/, say.policyPrice);
const clock = z
  .string()
  .trim()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, say.clockTime);

export const policyFormValues = z.object({
  /** "fleet", "driver:<userId>" or "vehicle:<vehicleId>". */
  target: z.string().min(1),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, say.policyCurrency),
  monthlyCap: amount,
  sessionCap: amount,
  pricePerKwh: price,
  weekdays: z.array(z.string()),
  from: clock,
  to: clock,
  providers: z.array(z.enum(PROVIDERS)),
  operators: z.string().max(2000),
});
export type PolicyFormValues = z.input<typeof policyFormValues>;

/** "49,9" → 4990 (in a currency of two decimals); empty → null. */
function toMinor(value: string, factor: number): number | null {
  if (!value.trim()) return null;
  const [whole, fraction = ""] = value.trim().replace(",", ".").split(".");
  const digits = Math.round(Math.log10(factor));
  return Number(whole) * factor + Number(fraction.padEnd(digits, "0").slice(0, digits));
}

const toMinute = (value: string) => {
  if (!value.trim()) return null;
  const [h, m] = value.split(":").map(Number);
  return h * 60 + m;
};

/** The action's input from the form's values (amounts in minor units of a currency with two decimals). */
export function policyInputOf(fleetId: string, values: z.output<typeof policyFormValues>): SetPolicyInput {
  const [scope, id] = values.target.split(":");
  return {
    fleetId,
    userId: scope === "driver" ? id : null,
    vehicleId: scope === "vehicle" ? id : null,
    currency: values.currency.toUpperCase(),
    monthlyCapMinor: toMinor(values.monthlyCap, 100),
    sessionCapMinor: toMinor(values.sessionCap, 100),
    maxPricePerKwhDeciMinor: toMinor(values.pricePerKwh, 1000),
    allowedWeekdays: values.weekdays.map(Number).sort(),
    allowedFromMinute: toMinute(values.from),
    allowedToMinute: toMinute(values.to),
    allowedProviders: values.providers,
    allowedOperators: values.operators
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
