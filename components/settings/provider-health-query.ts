// The provider health query, shared by the server page that prefetches it and the client that refreshes it.
export const PROVIDER_HEALTH_QUERY_KEY = ["provider-health"] as const;
export const PROVIDER_HEALTH_PATH = "/api/health/providers";
/** How often the page asks again while it is open. */
export const PROVIDER_HEALTH_REFRESH_MS = 15_000;
