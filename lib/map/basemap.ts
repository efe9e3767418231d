// Which basemap the map draws: a vector style with streets when the browser can reach one, else the offline
// basemap the app ships (land, borders, towns), so the map is never broken or blank.

/** OpenFreeMap's Liberty style: streets and labels from OpenStreetMap, free to use, no key. */
export const DEFAULT_STREET_STYLE_URL = "https://tiles.openfreemap.org/styles/liberty";

/** How long the browser waits for the style before it draws the offline basemap instead. */
export const STYLE_PROBE_TIMEOUT_MS = 3_000;

export type BasemapChoice = { kind: "streets"; url: string } | { kind: "offline" };

/** The street style to try, from MAP_STYLE_URL: a style URL; "offline" for none; unset for the default. */
export function configuredStreetStyle(value: string | undefined): string | null {
  const setting = value?.trim();
  if (!setting) return DEFAULT_STREET_STYLE_URL;
  return setting.toLowerCase() === "offline" ? null : setting;
}

/** A MapLibre style document, as far as it matters here: version 8, sources and layers. */
function isStyle(value: unknown): boolean {
  const style = value as { version?: unknown; sources?: unknown; layers?: unknown } | null;
  return style?.version === 8 && typeof style.sources === "object" && Array.isArray(style.layers);
}

/**
 * Streets when the style answers in time with a usable document; the offline basemap when there is none to
 * try, or it cannot be reached, answers an error, or is not a style.
 */
export async function chooseBasemap(
  url: string | null,
  fetcher: typeof fetch = fetch,
  timeoutMs = STYLE_PROBE_TIMEOUT_MS,
): Promise<BasemapChoice> {
  if (!url) return { kind: "offline" };
  try {
    const response = await fetcher(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (response.ok && isStyle(await response.json())) return { kind: "streets", url };
  } catch {
    // Offline, blocked, slow or not JSON: the offline basemap.
  }
  return { kind: "offline" };
}
