// The input of the spending policy form, shared by the browser and the server actions: the fleet's own policy
// or a driver's or a vehicle's override, each rule optional (null or an empty list: no rule).
import { z } from "zod";
import { PROVIDERS } from "@/lib/domain/provider";

const id = z.string().min(1).max(64);
const minor = z.number().int().min(0).max(100_000_000).nullable();
const minute = z.number().int().min(0).max(1440).nullable();

/** Whose policy: the fleet's (neither), a driver's or a vehicle's. */
export const policyTarget = z.object({
  fleetId: id,
  userId: id.nullable().default(null),
  vehicleId: id.nullable().default(null),
});

export const setPolicyInput = policyTarget.extend({
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .default(null),
  monthlyCapMinor: minor.default(null),
  sessionCapMinor: minor.default(null),
  /** Tenths of a minor unit per kWh. */
  maxPricePerKwhDeciMinor: minor.default(null),
  allowedWeekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
  allowedFromMinute: minute.default(null),
  allowedToMinute: minute.default(null),
  allowedProviders: z.array(z.enum(PROVIDERS)).max(PROVIDERS.length).default([]),
  allowedOperators: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
});
export type SetPolicyInput = z.output<typeof setPolicyInput>;
