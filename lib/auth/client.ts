// Sign-in and sign-out in the browser, through next-auth's own endpoints exactly as next-auth/react calls them,
// without shipping next-auth/react to every page.
const BASE = "/api/auth";

async function csrfToken(): Promise<string> {
  const response = await fetch(`${BASE}/csrf`);
  const data = (await response.json()) as { csrfToken?: string };
  return data.csrfToken ?? "";
}

async function post(action: string, fields: Record<string, string>): Promise<{ response: Response; url?: string }> {
  const response = await fetch(`${BASE}/${action}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
  const data = (await response.json()) as { url?: string };
  return { response, url: data.url };
}

/** Signs in with the credentials provider, staying on the page; `error` is next-auth's code, null when signed in. */
export async function signInWithPassword(credentials: {
  email: string;
  password: string;
}): Promise<{ error: string | null; ok: boolean }> {
  const { response, url } = await post("callback/credentials", {
    ...credentials,
    callbackUrl: window.location.href,
  });
  const error = url ? new URL(url, window.location.href).searchParams.get("error") : "unknown";
  return { error, ok: response.ok };
}

/** Signs out, then loads `callbackUrl` afresh. */
export async function signOutTo(callbackUrl: string): Promise<void> {
  const { url } = await post("signout", { callbackUrl });
  const next = url ?? callbackUrl;
  window.location.href = next;
  if (next.includes("#")) window.location.reload();
}

/** Signs in through the identity provider: next-auth answers with the provider's address, which the browser opens. */
export async function signInWithSso(providerId: string, callbackUrl: string): Promise<void> {
  const { url } = await post(`signin/${providerId}`, { callbackUrl });
  window.location.href = url ?? "/login?error=failed";
}
