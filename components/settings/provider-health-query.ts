// The provider health query, shared by the server page that prefetches it and the client that refreshes it.
import { apiKey } from "@/lib/api/client";
import { api } from "@/lib/api/endpoints";

export const PROVIDER_HEALTH_QUERY_KEY = apiKey(api.health.providers, {});
/** How often the page asks again while it is open. */
export const PROVIDER_HEALTH_REFRESH_MS = 15_000;
