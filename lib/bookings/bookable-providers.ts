// The providers that take bookings, from the one provider table: apart from the schemas, so the browser's
// filters carry no zod.
import { providersThat, type ProviderName } from "@/lib/domain";

export const BOOKABLE_PROVIDERS = providersThat("bookings") as [ProviderName, ...ProviderName[]];
